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
  updated_at TEXT NOT NULL,
  fence INTEGER
)`;

/** Collection names are validated identifiers; quoting keeps keywords such as `order` usable. */
export function table(collection: string): string {
  return `"${checkCollection(collection)}"`;
}

/**
 * Tables of the collections, their indexes and the checkpoints table. SQLite index names are global
 * to the file, so an index is named `<collection>.<index>` after the collection it was built for,
 * with a `.<n>` suffix when that name is taken. A rename moves the indexes with the table (SQLite
 * rewrites their definitions), so a rebuilt collection swaps in without being indexed again: an
 * index is found by its table and the name declared by the projection, whatever its file-wide name.
 */
export class SqliteCollections {
  constructor(
    private readonly db: Database,
    private readonly statements: StatementCache,
  ) {
    db.exec(checkpointsDdl);
    // Files written before fencing tokens existed gain the column.
    const columns = db.prepare(`SELECT name FROM pragma_table_info('${checkpointsTable}')`).pluck().all() as string[];
    if (!columns.includes('fence')) db.exec(`ALTER TABLE ${checkpointsTable} ADD COLUMN fence INTEGER`);
  }

  /**
   * Tables found, as of a schema version: every read and write asks, and the schema's version (the
   * file's schema cookie, moved by any connection's CREATE, DROP or RENAME) costs less to read than
   * a search of `sqlite_schema`.
   */
  private known = { schemaVersion: -1, tables: new Set<string>() };

  exists(collection: string): boolean {
    checkCollection(collection);
    const schemaVersion = this.statements.get('PRAGMA schema_version').pluck().get() as number;
    if (schemaVersion !== this.known.schemaVersion) this.known = { schemaVersion, tables: new Set() };
    const name = collection.toLowerCase();
    if (this.known.tables.has(name)) return true;
    const sql = `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE`;
    const found = this.statements.get(sql).get(collection) !== undefined;
    if (found) this.known.tables.add(name);
    return found;
  }

  ensure(collection: string): void {
    if (this.exists(collection)) return;
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

  /** Drops `to` and renames `from` to it, indexes included, in one transaction. */
  rename(from: string, to: string): void {
    this.db
      .transaction(() => {
        if (!this.exists(from)) throw new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from });
        if (from.toLowerCase() === to.toLowerCase()) return;
        this.db.exec(`DROP TABLE IF EXISTS ${table(to)}`);
        this.db.exec(`ALTER TABLE ${table(from)} RENAME TO ${table(to)}`);
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
    const columns = `(${spec.fields.map(fieldExpression).join(', ')})`;
    const existing = this.indexesOf(collection).find((index) => declaredName(index.name) === spec.name);
    if (existing !== undefined && columnsOf(existing.sql) === columns) return;
    if (existing !== undefined) this.db.exec(`DROP INDEX "${existing.name}"`);
    this.db.exec(`CREATE INDEX "${this.freeIndexName(collection, spec.name)}" ON ${table(collection)} ${columns}`);
  }

  private indexesOf(collection: string): Array<{ name: string; sql: string }> {
    const sql = `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL`;
    return this.statements.get(sql).all(collection) as Array<{ name: string; sql: string }>;
  }

  private freeIndexName(collection: string, name: string): string {
    const taken = this.statements.get(`SELECT 1 FROM sqlite_schema WHERE name = ? COLLATE NOCASE`);
    for (let suffix = 1; ; suffix += 1) {
      const candidate = suffix === 1 ? `${collection}.${name}` : `${collection}.${name}.${suffix}`;
      if (taken.get(candidate) === undefined) return candidate;
    }
  }
}

/** `<collection>.<index>` or `<collection>.<index>.<n>`: collection and index names have no dots. */
function declaredName(indexName: string): string | undefined {
  return indexName.split('.')[1];
}

/** The indexed expressions of a `CREATE INDEX … ON <table> (…)` statement, whatever the table's name. */
function columnsOf(createIndexSql: string): string {
  return createIndexSql.slice(createIndexSql.indexOf('(', createIndexSql.indexOf(' ON ')));
}
