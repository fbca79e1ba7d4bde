import type { Projection } from '../../core/projection';
import { csatRatingsProjection } from './csat-ratings.projection';
import { npsResponsesProjection } from './nps-responses.projection';
import { ticketsProjection } from './tickets.projection';

export const supportProjections: Projection[] = [ticketsProjection, csatRatingsProjection, npsResponsesProjection];

export { csat, nps, type Csat, type Nps } from './satisfaction.queries';
export { firstResponseTime, resolutionTime, ticketVolume, type DurationPercentiles, type TicketVolume } from './ticket.queries';
export type { TicketDocument } from './tickets.projection';
export type { CsatRatingDocument } from './csat-ratings.projection';
export type { NpsResponseDocument } from './nps-responses.projection';
export { clientRetentionRate, type ClientRetention } from './retention.queries';
