import Database from 'better-sqlite3';

/**
 * Keeps SQLite's planner statistics (`sqlite_stat1`, `sqlite_stat4`) in step with the read models.
 * Without them a filtered page (`… WHERE paidOn >= ? ORDER BY id LIMIT 2001`) is planned as a walk
 * of the whole table in id order, which avoids a sort but reads every document: 20–30 ms for one
 * receivables query on the ten-year store, 0.1 ms through the index the statistics show to be
 * selective. As SQLite advises for long-lived connections: `PRAGMA optimize` when the store opens
 * and then at most once a minute after a commit (a few ms unless a table grew tenfold since its last
 * analysis); a collection renamed into place (a rebuild's swap) is analysed at once, since
 * statistics are kept by table name and would otherwise stay with the old one.
 */
export class PlannerStatistics {
  private lastRefresh: number;

  constructor(
    private readonly db: Database.Database,
    private readonly refreshEveryMs = 60_000,
  ) {
    this.optimize();
    this.lastRefresh = performance.now();
  }

  afterCommit(): void {
    if (performance.now() - this.lastRefresh < this.refreshEveryMs) return;
    this.lastRefresh = performance.now();
    this.optimize();
  }

  /** `table` is quoted; `oldName` is the table's name before a rename, whose statistics no longer apply. */
  analyse(table: string, oldName?: string): void {
    this.bestEffort(() => {
      if (oldName !== undefined) for (const statistics of this.statisticsTables()) this.db.prepare(`DELETE FROM ${statistics} WHERE tbl = ? COLLATE NOCASE`).run(oldName);
      this.db.exec(`ANALYZE ${table}`);
    });
  }

  private optimize(): void {
    // 0x10002: analyse every table that needs it, not only those this connection has queried.
    this.bestEffort(() => this.db.pragma('optimize = 0x10002'));
  }

  private statisticsTables(): string[] {
    return this.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')`).pluck().all() as string[];
  }

  /**
   * Statistics only steer plans: a store another process holds locked, read-only or full is still a
   * working store, and its queries still answer the same, so a failed refresh is left for the next.
   */
  private bestEffort(refresh: () => void): void {
    try {
      refresh();
    } catch (error) {
      if (!(error instanceof Database.SqliteError)) throw error;
    }
  }
}
