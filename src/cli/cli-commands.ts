import type { CommandSpec } from './cli-command';

const roles = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
const json = { type: 'boolean', description: 'print JSON instead of a table' } as const;

/** Every command. `run` loads its implementation on demand: `zixly --help` starts no store and no schema. */
export const commands: readonly CommandSpec[] = [
  {
    name: 'serve',
    summary: 'Runs the API (GraphQL, webhooks, export), the workers, projections and workflows in one process.',
    details:
      'Listens on PORT (default 4000) with /healthz, /readyz and /metrics beside the API. Stops gracefully on SIGTERM or SIGINT. With --no-processors it is a stateless API replica: projections, webhook worker, workflows and sync run in `zixly worker` processes under leases.',
    options: { 'no-processors': { type: 'boolean', description: 'serve the API only (PROCESSORS=none): an API replica of a fleet' } },
    run: async (input, io) => (await import('./commands/server.command')).serve(input, io),
  },
  {
    name: 'worker',
    summary: 'Runs the workers, projections and workflows without the API, to scale out.',
    details:
      'Shares the stores with `zixly serve` (the embedded SQLite files too). Serves /healthz, /readyz and /metrics on WORKER_PORT when it is set. With --only (or PROCESSORS) every processor it may run runs under a lease: at most one process of the fleet runs each.',
    options: {
      only: { type: 'string', list: true, value: '<processor>', description: 'run only these processors under leases: all, projection:<name>, projection:*, webhook-worker, workflows, sync:<tool>, sync:*' },
    },
    run: async (input, io) => (await import('./commands/server.command')).worker(input, io),
  },
  {
    name: 'projections list',
    summary: "Shows each projection's status, version, position, lag and failure.",
    options: { json },
    run: async (input, io) => (await import('./commands/projections.command')).listProjections(input, io),
  },
  {
    name: 'processors list',
    summary: 'Shows everything that follows the log — projections and reactors (webhook worker, workflows, indexes, counters) — with kind, status, position and lag.',
    details: 'Read from the stores, so it also describes processors another process runs. Reactors held in memory (the API-key index, the outcome counters, Xero notification forwarding) have no stored position: the `processors` GraphQL query of a running process shows theirs.',
    options: { json },
    run: async (input, io) => (await import('./commands/processors.command')).listProcessors(input, io),
  },
  {
    name: 'projections rebuild',
    summary: 'Rebuilds one read model from the whole log, with a progress bar on stderr.',
    details: 'The current read model keeps serving until the rebuilt one replaces it. On a running app prefer the rebuildProjection mutation. The command holds the projection\'s lease while it rebuilds; when a process of a fleet holds it, the rebuild is handed to that process.',
    args: [{ name: 'name', description: 'the projection, as `zixly projections list` names it' }],
    run: async (input, io) => (await import('./commands/projections.command')).rebuildProjectionCommand(input, io),
  },
  {
    name: 'events export',
    summary: 'Writes the log (or part of it) to stdout as NDJSON, one event per line, in log order.',
    details: 'Example: zixly events export --categories Invoice,Client --from 2026-01-01T00:00:00Z > invoices.ndjson',
    options: {
      types: { type: 'string', list: true, value: '<types>', description: 'only these event types' },
      categories: { type: 'string', list: true, value: '<categories>', description: 'only streams of these categories (Invoice for Invoice-42)' },
      streams: { type: 'string', list: true, value: '<streams>', description: 'only these streams' },
      from: { type: 'string', value: '<instant>', description: 'occurredAt at or after this ISO instant (with a time zone)' },
      to: { type: 'string', value: '<instant>', description: 'occurredAt before this ISO instant' },
      'correlation-id': { type: 'string', value: '<id>', description: 'only events with this correlation id' },
    },
    run: async (input, io) => (await import('./commands/events-export.command')).exportEvents(input, io),
  },
  {
    name: 'events verify',
    summary: 'Checks every stored event against its checksum and names the damaged ones; exit code 1 if any.',
    details: 'Events stored before checksums existed are checked by their JSON only. Damaged events are skipped by every reader (projections, export) and named in /readyz.',
    options: { json },
    run: async (input, io) => (await import('./commands/events-verify.command')).verifyEvents(input, io),
  },
  {
    name: 'events import',
    summary: 'Appends the events of an NDJSON export read from stdin, keeping their ids, after checking every line.',
    details:
      'Every line must be an exported event of a known type whose data has the shape its type declares (after upcasting). Platform streams (webhook deliveries, quarantine, identities and claims, workflow steps) are refused without --platform, API keys without --api-keys. If any line is refused nothing is imported, unless --skip-refused; a stream with a refused line refuses its later lines too. Appends stream by stream with the revisions of the file, so importing the same file twice stores nothing new. Reports appended, already stored and refused (line number and reason); exit code 1 if anything was refused.\nExample: zixly events import < invoices.ndjson',
    options: {
      platform: { type: 'boolean', description: 'also import platform streams (deliveries, quarantine, identities, claims, workflow steps)' },
      'api-keys': { type: 'boolean', description: 'also import API key streams: their keys will work again (never implied by --platform)' },
      'skip-refused': { type: 'boolean', description: 'import the lines that pass even when others are refused' },
    },
    run: async (input, io) => (await import('./commands/events-import.command')).importEvents(input, io),
  },
  {
    name: 'demo seed',
    summary: "Fills an empty store with a generated consultancy's history, through the command bus.",
    details: 'Every command goes through the same deciders as the API. Start `zixly serve` afterwards (or beside it) to build the read models.',
    options: {
      seed: { type: 'string', value: '<n>', min: 0, description: 'random seed; the same seed gives the same history (default 42)' },
      years: { type: 'string', value: '<n>', min: 0.1, decimal: true, description: 'length of the history in years, e.g. 0.5 (default 2)' },
      consultants: { type: 'string', value: '<n>', min: 1, description: 'consultants of the firm (default 5)' },
      scale: {
        type: 'string',
        value: '<n>',
        min: 0.1,
        decimal: true,
        description: 'grows the firm: consultants, clients, projects, leads and tickets (default 1; --years 10 --scale 2.2 gives ~1M events)',
      },
      'start-date': { type: 'string', value: '<YYYY-MM-DD>', description: 'first day of the history (default: so that it ends today)' },
    },
    run: async (input, io) => (await import('./commands/demo-seed.command')).seedDemo(input, io),
  },
  {
    name: 'tools check',
    summary: "Checks each tool: whether its API credentials work and whether its webhook reaches this server with the configured secret.",
    details: 'Reads the tools through their APIs (one or two requests each). Set ZIXLY_PUBLIC_URL to the address the tools post to. Exits 1 when a configured tool fails.',
    options: { json },
    run: async (input, io) => (await import('./commands/tools-check.command')).toolsCheck(input, io),
  },
  {
    name: 'keys create',
    summary: 'Creates an API key and prints its secret, the only time it is shown.',
    details: 'The secret goes to stdout and the key id to stderr, so `SECRET=$(zixly keys create ci --role VIEWER)` works.',
    args: [{ name: 'name', description: 'what the key is for, e.g. grafana' }],
    options: { role: { type: 'string', value: roles.join('|'), required: true, choices: roles, description: 'VIEWER reads, EDITOR also runs commands, ADMIN also manages keys' } },
    run: async (input, io) => (await import('./commands/keys.command')).createKey(input, io),
  },
  {
    name: 'keys list',
    summary: 'Lists the API keys (never their secrets).',
    options: { json },
    run: async (input, io) => (await import('./commands/keys.command')).listKeys(input, io),
  },
  {
    name: 'keys revoke',
    summary: 'Revokes an API key: the next request with it is refused.',
    args: [{ name: 'keyId', description: 'the key id, as `zixly keys list` shows it' }],
    run: async (input, io) => (await import('./commands/keys.command')).revokeKey(input, io),
  },
];
