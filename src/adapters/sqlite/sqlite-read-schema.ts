import type { Database } from 'better-sqlite3';
import { NotFoundError } from '../../core/errors';
import type { IndexSpec } from '../../core/read-store.port';
import { checkCollection, checkIndexSpec } from '../shared/read-store-names';
import { fieldExpression } from './sqlite-document-filter';
import type { StatementCache } from './sqlite-statement-cache';

export const checkpointsTable = '_checkpoints';

/** Documents as JSON text; a tombstone keeps its id and position with `doc` NULL. */
const checkpointsDdl = `CREATE TABLE IF NOT EXISTS ${checkpointsTable} (
  projection TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  collection TEXT NOT NULL,
  position INTEGER,
  failure TEXT,
  updated_at TEXT NOT NULL
)`;

/** Collection names are validated identifiers; quoting keeps keywords such as `order` usable. */
export function table(collection: string): string {
  return `"${checkCollection(collection)}"`;
}

/**
 * Tables of the collections, their indexes and the checkpoints table. Index names are
 * `<collection>.<index>` because SQLite index names are global to the file.
 */
export class SqliteCollections {
  constructor(
    private readonly db: Database,
    private readonly statements: StatementCache,
  ) {
    db.exec(checkpointsDdl);
  }

  exists(collection: string): boolean {
    checkCollection(collection);
    const sql = `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE`;
    return this.statements.get(sql).get(collection) !== undefined;
  }

  ensure(collection: string): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table(collection)} (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT)`);
  }

  list(): string[] {
    const sql = `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> ? ORDER BY name`;
    return this.statements.get(sql).pluck().all(checkpointsTable) as string[];
  }

  drop(collection: string): void {
    this.db.exec(`DROP TABLE IF EXISTS ${table(collection)}`);
    this.statements.clear();
  }

  /** Drops `to`, renames `from` to it and renames the indexes after it, in one transaction. */
  rename(from: string, to: string): void {
    this.db
      .transaction(() => {
        if (!this.exists(from)) throw new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from });
        if (from.toLowerCase() === to.toLowerCase()) return;
        this.db.exec(`DROP TABLE IF EXISTS ${table(to)}`);
        this.db.exec(`ALTER TABLE ${table(from)} RENAME TO ${table(to)}`);
        this.renameIndexes(from, to);
      })
      .immediate();
    this.statements.clear();
  }

  /** Creates missing indexes and recreates those whose fields changed; existing equal ones stay. */
  ensureIndexes(collection: string, specs: readonly IndexSpec[]): void {
    specs.forEach(checkIndexSpec);
    this.db
      .transaction(() => {
        this.ensure(collection);
        for (const spec of specs) this.ensureIndex(collection, spec);
      })
      .immediate();
  }

  private ensureIndex(collection: string, spec: IndexSpec): void {
    const name = indexName(collection, spec.name);
    const wanted = `CREATE INDEX ${name} ON ${table(collection)} (${spec.fields.map(fieldExpression).join(', ')})`;
    const existing = this.indexSql(collection, spec.name);
    if (existing === wanted) return;
    if (existing !== undefined) this.db.exec(`DROP INDEX ${name}`);
    this.db.exec(wanted);
  }

  /** SQLite cannot rename an index: each is recreated under the new name from its own definition. */
  private renameIndexes(from: string, to: string): void {
    const sql = `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`;
    const indexes = this.db.prepare(sql).all(to) as Array<{ name: string; sql: string }>;
    for (const index of indexes) {
      if (!index.name.startsWith(`${from}.`)) continue;
      const renamed = indexName(to, index.name.slice(from.length + 1));
      this.db.exec(`DROP INDEX "${index.name}"`);
      this.db.exec(index.sql.replace(`"${index.name}"`, renamed));
    }
  }

  private indexSql(collection: string, name: string): string | undefined {
    const sql = `SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`;
    return this.db.prepare(sql).pluck().get(`${collection}.${name}`) as string | undefined;
  }
}

function indexName(collection: string, name: string): string {
  return `"${collection}.${name}"`;
}
