import type { IdentityLookup, Translation } from '../delivery';
import type { ToolName } from '../../tools/tool-names';

/** One record of a tool as a translation, labelled for the run's report (`invoice Opnel5aKBz`). */
export interface PulledRecord {
  readonly label: string;
  readonly translation: Translation;
}

export interface SyncPage {
  readonly records: readonly PulledRecord[];
  /**
   * A cursor it is safe to resume from once this page is applied, or null when the traversal is
   * not ordered by it (the source then gives one with its last page).
   */
  readonly cursor: string | null;
  /** The next page's token; null when this page was the last. */
  readonly next: string | null;
}

export interface PullRequest {
  /** Where the last successful run stopped; null on the first run. Every page of a run pulls from it. */
  readonly cursor: string | null;
  /** The cursor the run's previous pages reached (at first, `cursor`), for the source to advance. */
  readonly progress: string | null;
  readonly page: string | null;
  readonly identities: IdentityLookup;
}

/**
 * A tool's records changed since a cursor, page by page, already translated by the same mapping
 * functions as the webhook path — so the same external ids make the same commands, and a record
 * seen by both paths acts once.
 */
export interface SyncSource {
  readonly tool: ToolName;
  pull(request: PullRequest): Promise<SyncPage>;
}
