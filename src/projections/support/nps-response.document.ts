import type { ReadDocument } from '../../core/read-store.port';

/** One NPS answer (0–10). */
export interface NpsResponseDocument extends ReadDocument {
  readonly responseId: string;
  readonly clientId: string;
  readonly score: number;
  readonly respondedAt: string;
}
