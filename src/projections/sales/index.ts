import type { Projection } from '../../core/projection';
import { campaignsProjection } from './campaigns.projection';
import { leadsProjection } from './leads.projection';

export const salesProjections: Projection[] = [leadsProjection, campaignsProjection];

export { leadsBySource, stageConversion, type ConversionStage, type LeadsBySource, type StageConversion, type StageConversionRow } from './lead.queries';
export { salesCycleDays, winRate, type SalesCycle, type WinRate } from './win.queries';
export { pipelineValue, pipelineVelocity, type PipelineOptions, type PipelineStage, type PipelineValue, type PipelineVelocity } from './pipeline.queries';
export type { LeadDocument, LeadSnapshot, LeadStatus } from './leads.projection';
export type { CampaignCost, CampaignDocument } from './campaigns.projection';
export { cac, marketingRoi, type Cac, type CampaignRoi, type MarketingOptions } from './marketing.queries';
