#!/usr/bin/env node
/*
 * SQLite statements a process runs, counted — a measure of a code path's store work that the
 * machine's load does not move (timings here do move with it).
 *
 * Preloaded, it counts every better-sqlite3 statement execution (run/get/all/iterate, and exec) by
 * database file and SQL text, with the time spent in the call, and writes them at exit to
 * `$SQLITE_STATEMENT_COUNTS_DIR/sql-<pid>.tsv` (count, ms, database, method, SQL):
 *
 *   SQLITE_STATEMENT_COUNTS_DIR=/tmp/counts NODE_OPTIONS="--require ./scripts/sqlite-statement-counts.cjs" \
 *     BENCH_INGEST_SECONDS=5 npm run bench -- ingest
 *
 * Run directly, it compares two such files, each statement per execution of a reference statement
 * (by default the event appends, `INSERT INTO events`), for the databases whose path contains
 * `--database` (receiver-only stores left out):
 *
 *   node scripts/sqlite-statement-counts.cjs A.tsv B.tsv --database ingest-throughput
 */
const { writeFileSync, readFileSync } = require('node:fs');

function countStatements() {
  const Module = require('node:module');
  const stats = new Map();
  const record = (database, method, sql, started) => {
    const key = `${database.split('/').slice(-2).join('/')}\t${method}\t${String(sql).replace(/\s+/g, ' ').slice(0, 200)}`;
    const entry = stats.get(key) ?? { count: 0, ns: 0n };
    entry.count++;
    entry.ns += process.hrtime.bigint() - started;
    stats.set(key, entry);
  };
  const load = Module._load;
  let patched = false;
  Module._load = function (request) {
    const exported = load.apply(this, arguments);
    if (patched || request !== 'better-sqlite3' || typeof exported !== 'function') return exported;
    patched = true;
    const { prepare, exec } = exported.prototype;
    let statementPrototype = null;
    exported.prototype.prepare = function () {
      const statement = prepare.apply(this, arguments);
      if (statementPrototype === null) {
        statementPrototype = Object.getPrototypeOf(statement);
        for (const method of ['run', 'get', 'all', 'iterate']) {
          const original = statementPrototype[method];
          statementPrototype[method] = function () {
            const started = process.hrtime.bigint();
            try {
              return original.apply(this, arguments);
            } finally {
              record(this.database.name ?? '', method, this.source, started);
            }
          };
        }
      }
      return statement;
    };
    exported.prototype.exec = function (sql) {
      const started = process.hrtime.bigint();
      try {
        return exec.apply(this, arguments);
      } finally {
        record(this.name ?? '', 'exec', sql, started);
      }
    };
    return exported;
  };
  process.on('exit', () => {
    if (stats.size === 0) return;
    const lines = [...stats].map(([key, { count, ns }]) => `${count}\t${(Number(ns) / 1e6).toFixed(3)}\t${key}`);
    writeFileSync(`${process.env.SQLITE_STATEMENT_COUNTS_DIR ?? '.'}/sql-${process.pid}.tsv`, `${lines.join('\n')}\n`);
  });
}

function compare(args) {
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const [first, second] = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!first || !second) throw new Error('usage: sqlite-statement-counts.cjs A.tsv B.tsv [--database <path part>] [--per <SQL prefix>]');
  const database = option('--database', '');
  const per = option('--per', 'INSERT INTO events');
  const read = (path) => {
    const byKey = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
      const [count, ms, db, method, sql] = line.split('\t');
      if (!db.includes(database) || db.includes('receiver-only')) continue;
      const key = `${db.split('/').at(-1)}\t${method}\t${sql.slice(0, 110)}`;
      const entry = byKey.get(key) ?? { count: 0, ms: 0 };
      byKey.set(key, { count: entry.count + Number(count), ms: entry.ms + Number(ms) });
    }
    const reference = [...byKey].filter(([key]) => key.split('\t')[2].startsWith(per)).reduce((total, [, entry]) => total + entry.count, 0);
    if (reference === 0) throw new Error(`${path}: no "${per}" statement in a database matching "${database}"`);
    return { byKey, reference };
  };
  const a = read(first);
  const b = read(second);
  const keys = [...new Set([...a.byKey.keys(), ...b.byKey.keys()])];
  const per1 = (side, key) => (side.byKey.get(key)?.count ?? 0) / side.reference;
  keys.sort((x, y) => per1(b, y) + per1(a, y) - per1(b, x) - per1(a, x));
  console.log(`statements per "${per}": A = ${first}, B = ${second}`);
  console.log('      A       B  statement');
  let totalA = 0;
  let totalB = 0;
  for (const key of keys) {
    totalA += per1(a, key);
    totalB += per1(b, key);
    if (per1(a, key) < 0.005 && per1(b, key) < 0.005) continue;
    const [db, method, sql] = key.split('\t');
    console.log(`${per1(a, key).toFixed(2).padStart(7)} ${per1(b, key).toFixed(2).padStart(7)}  ${db.replace('.sqlite', '')} ${method} ${sql}`);
  }
  console.log(`${totalA.toFixed(2).padStart(7)} ${totalB.toFixed(2).padStart(7)}  in all`);
}

if (require.main === module) compare(process.argv.slice(2));
else countStatements();
