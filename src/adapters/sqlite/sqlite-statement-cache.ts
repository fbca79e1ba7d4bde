import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements by SQL text. Preparing costs more than running a small statement, and the
 * commit and find paths build the same few texts again and again. Bounded, because find texts
 * vary with the shape of the filter.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 500,
  ) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= this.capacity) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Forgets every statement, after a table they may name was dropped or renamed. */
  clear(): void {
    this.statements.clear();
  }
}
