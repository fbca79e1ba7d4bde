import type { DomainEvent } from '../../core/messages';

/**
 * An answer to "how likely are you to recommend us", 0–10. It is about the relationship, not a
 * ticket, so each response is its own stream (`NpsResponse-<responseId>`).
 */
export type NpsResponded = DomainEvent<
  'NpsResponded',
  { responseId: string; clientId: string; score: number; comment: string | null }
>;

export type NpsResponseEvent = NpsResponded;
