import { type FleetConfig, mayRun, readFleetConfig } from './fleet/fleet.config';
import { resolve } from 'node:path';
import { defaultAsOfMaxEvents } from './core/as-of';
import { readWebhookConfig, type WebhookConfig } from './ingest/ingest.config';
import { readSyncConfig, type SyncConfig } from './ingest/sync/sync.config';
import { projectionLeaseName } from './core/projection-runner.types';
import { workflowProjections } from './projections';
import { readWorkflowConfig, type WorkflowConfig } from './workflows/workflow.config';
import { ConfigError, flag, wholeNumber } from './config-values';
import { defaultFactWindow, type FactWindow } from './aggregates/fact-window';
import { isIP } from 'node:net';
import { type LogLevel, logLevels } from './logging/logger';
import { isIso4217 } from './core/money/iso-4217';
import { type ApiLimits, readApiLimits } from './schema/hardening/api-limits.config';

export { ConfigError, readDotEnv } from './config-values';

export interface AppConfig {
  readonly port: number;
  /** `HOST`: the address the HTTP server binds; `0.0.0.0` (every IPv4 interface) by default, as before. */
  readonly host: string;
  /** `FACT_EARLIEST_DATE`, `FACT_MAX_DAYS_AHEAD`: dates a command may carry. */
  readonly factWindow: FactWindow;
  readonly dataDir: string;
  /** When set, events live in EventStoreDB; otherwise in the embedded SQLite store under `dataDir`. */
  readonly eventStoreUrl: string | null;
  readonly mongodbUrl: string | null;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  /** `SQLITE_MAX_FILE_MB`: caps each SQLite file (events, read models); a write past it is refused as on a full disk. */
  readonly sqliteMaxFileMb: number | null;
  readonly businessTimeZone: string;
  /** ISO 4217 code the KPIs are computed in; amounts in other currencies convert at the tool's rate. */
  readonly baseCurrency: string;
  /** `ZIXLY_PUBLIC_URL`: the address the tools reach this server at (no trailing slash), for `zixly tools check`. */
  readonly publicUrl: string | null;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** `ZIXLY_ADMIN_KEY`: an admin API key registered at start (idempotent), so a fresh store can be administered. */
  readonly adminKey: string | null;
  /** Introspection and the GraphQL IDE page on /graphql; off by default in production. */
  readonly graphqlIntrospection: boolean;
  /** Webhook secrets (`WEBHOOK_SECRET_<TOOL>`), secret headers and the ingest worker's retries. */
  readonly webhooks: WebhookConfig;
  /** Pull sync: per-tool credentials and intervals (`SYNC_*` and the tools' API variables). */
  readonly sync: SyncConfig;
  /** Workflows: on/off, tool credentials, schedules, SLA hours (`WORKFLOW*`, `SLA_*`, tools' API variables). */
  readonly workflows: WorkflowConfig;
  /** `AS_OF_MAX_EVENTS`: the most events an as-of query may replay before it is refused. */
  readonly asOfMaxEvents: number;
  /** Several processes on the same stores: which processors run here, under leases (`PROCESSORS`, `LEASE_TTL_MS`). */
  readonly fleet: FleetConfig;
  /** Logging, readiness, metrics and shutdown (`LOG_LEVEL`, `PROJECTION_LAG_THRESHOLD`, …). */
  readonly ops: OpsConfig;
  /** Per-request deadline, per-key rate limit and WebSocket caps (`GRAPHQL_DEADLINE_MS`, `API_RATE_LIMIT_*`, `WS_*`). */
  readonly apiLimits: ApiLimits;
}


export interface OpsConfig {
  /** `LOG_LEVEL`; `info` by default, `warn` under NODE_ENV=test so test output stays readable. */
  readonly logLevel: LogLevel;
  /** `PROJECTION_LAG_THRESHOLD`: events a projection may be behind the log before /readyz answers 503. */
  readonly projectionLagThreshold: number;
  /** `METRICS_ENABLED`: serves /metrics and counts requests, commands, deliveries and workflow runs. */
  readonly metricsEnabled: boolean;
  /** `WORKER_PORT`: where `zixly worker` serves /healthz, /readyz and /metrics; null serves nothing. */
  readonly workerPort: number | null;
  /** `SHUTDOWN_TIMEOUT_MS`: a graceful stop that takes longer exits with code 1. */
  readonly shutdownTimeoutMs: number;
  /** `HTTP_REQUEST_TIMEOUT_MS`: a client still sending its request after this long gets 408. */
  readonly httpRequestTimeoutMs: number;
  /** `HTTP_WRITE_TIMEOUT_MS`: a connection whose client takes none of the bytes waiting for it this long is closed. */
  readonly httpWriteTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; every problem is reported at once, one line each. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const value = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);

  const port = Number(value('PORT') ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push(`PORT must be a whole number from 0 to 65535, got "${value('PORT')}"`);

  const host = value('HOST') ?? '0.0.0.0';
  if (isIP(host) === 0 && host !== 'localhost') problems.push(`HOST must be an IP address (0.0.0.0, 127.0.0.1, ::) or localhost, got "${host}"`);
  const earliestDate = value('FACT_EARLIEST_DATE') ?? defaultFactWindow.earliestDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(earliestDate) || !new Date(`${earliestDate}T00:00:00Z`).toISOString().startsWith(earliestDate)) {
    problems.push(`FACT_EARLIEST_DATE must be a calendar date YYYY-MM-DD, got "${earliestDate}"`);
  }
  const factWindow = { earliestDate, maxDaysAhead: wholeNumber(value, 'FACT_MAX_DAYS_AHEAD', defaultFactWindow.maxDaysAhead, 1, 36_500, problems, ' (days after today)') };

  const eventStoreUrl = value('EVENTSTORE_URL') ?? null;
  if (eventStoreUrl && !/^(esdb|esdb\+discover|kurrentdb|kdb):\/\//.test(eventStoreUrl)) {
    problems.push(`EVENTSTORE_URL must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false, got "${eventStoreUrl}"`);
  }
  const mongodbUrl = value('MONGODB_URL') ?? null;
  if (mongodbUrl && !/^mongodb(\+srv)?:\/\//.test(mongodbUrl)) {
    problems.push(`MONGODB_URL must start with mongodb:// or mongodb+srv://, got "${mongodbUrl}"`);
  }

  const sqliteSynchronous = (value('SQLITE_SYNCHRONOUS') ?? 'FULL').toUpperCase();
  if (sqliteSynchronous !== 'NORMAL' && sqliteSynchronous !== 'FULL') problems.push(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${sqliteSynchronous}"`);

  const sqliteMaxFileMb = value('SQLITE_MAX_FILE_MB') === undefined ? null : wholeNumber(value, 'SQLITE_MAX_FILE_MB', 1, 1, 16_000_000, problems, ' (MiB)');

  const businessTimeZone = value('BUSINESS_TIME_ZONE') ?? 'Australia/Brisbane';
  if (!isTimeZone(businessTimeZone)) problems.push(`BUSINESS_TIME_ZONE must be an IANA time zone such as Australia/Brisbane, got "${businessTimeZone}"`);

  const baseCurrency = value('BUSINESS_BASE_CURRENCY') ?? 'AUD';
  if (!isIso4217(baseCurrency)) problems.push(`BUSINESS_BASE_CURRENCY must be an ISO 4217 currency code such as AUD, got "${baseCurrency}"`);

  const publicUrl = value('ZIXLY_PUBLIC_URL')?.replace(/\/+$/, '') ?? null;
  if (publicUrl !== null && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) problems.push(`ZIXLY_PUBLIC_URL must be an http(s) URL such as https://ops.example.com, got "${publicUrl}"`);

  const nodeEnv = value('NODE_ENV') ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);

  const adminKey = value('ZIXLY_ADMIN_KEY') ?? null;
  if (adminKey && !/^zx_[A-Za-z0-9_-]{24,}$/.test(adminKey)) problems.push('ZIXLY_ADMIN_KEY must look like zx_ followed by at least 24 letters, digits, _ or -');

  const introspection = value('GRAPHQL_INTROSPECTION')?.toLowerCase();
  if (introspection !== undefined && introspection !== 'true' && introspection !== 'false') {
    problems.push(`GRAPHQL_INTROSPECTION must be true or false, got "${introspection}"`);
  }

  const webhooks = readWebhookConfig(value, problems);
  const sync = readSyncConfig(value, problems);
  const workflows = readWorkflowConfig(value, problems);
  const ops = readOpsConfig(value, nodeEnv, problems);
  const fleet = readFleetConfig(value, problems);
  const apiLimits = readApiLimits(value, problems);
  const unkept = workflows.enabled && mayRun(fleet, 'workflows') ? workflowProjections.map(({ name }) => projectionLeaseName(name)).filter((name) => !mayRun(fleet, name)) : [];
  if (unkept.length > 0) problems.push(`PROCESSORS lets this process run the workflows but not ${unkept.join(', ')}, which only a process running the workflows keeps: add ${unkept.join(', ')} (or projection:*)`);

  const asOfMaxEvents = Number(value('AS_OF_MAX_EVENTS') ?? defaultAsOfMaxEvents);
  if (!Number.isSafeInteger(asOfMaxEvents) || asOfMaxEvents < 1) problems.push(`AS_OF_MAX_EVENTS must be a whole number of at least 1, got "${value('AS_OF_MAX_EVENTS')}"`);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    factWindow,
    dataDir: resolve(value('DATA_DIR') ?? './data'),
    eventStoreUrl,
    mongodbUrl,
    sqliteSynchronous: sqliteSynchronous as AppConfig['sqliteSynchronous'],
    sqliteMaxFileMb,
    businessTimeZone,
    baseCurrency,
    publicUrl,
    nodeEnv: nodeEnv as AppConfig['nodeEnv'],
    adminKey,
    graphqlIntrospection: introspection === undefined ? nodeEnv !== 'production' : introspection === 'true',
    webhooks,
    sync,
    workflows,
    asOfMaxEvents,
    fleet,
    ops,
    apiLimits,
  };
}

/** The lag counter stops at 10,000 events (see ProjectionRunner.lag), so no threshold can be higher. */
const maxLagThreshold = 10_000;

function readOpsConfig(value: (name: string) => string | undefined, nodeEnv: string, problems: string[]): OpsConfig {
  const logLevel = (value('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info')).toLowerCase();
  if (!(logLevels as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
  const metricsEnabled = flag(value, 'METRICS_ENABLED', true, problems);
  return {
    logLevel: logLevel as LogLevel,
    projectionLagThreshold: wholeNumber(value, 'PROJECTION_LAG_THRESHOLD', 1_000, 0, maxLagThreshold, problems, ' (events behind the log)'),
    metricsEnabled,
    workerPort: value('WORKER_PORT') === undefined ? null : wholeNumber(value, 'WORKER_PORT', 0, 0, 65_535, problems),
    shutdownTimeoutMs: wholeNumber(value, 'SHUTDOWN_TIMEOUT_MS', 25_000, 1_000, 600_000, problems),
    httpRequestTimeoutMs: wholeNumber(value, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000, problems),
    httpWriteTimeoutMs: wholeNumber(value, 'HTTP_WRITE_TIMEOUT_MS', 30_000, 1_000, 600_000, problems),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-AU', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
