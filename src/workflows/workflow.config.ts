import { clientTiers, type ClientTier } from '../aggregates/client/client.events';
import { defaultTimeZone } from '../core/business-time';
import { isAppError } from '../core/errors';
import { parseBusinessHours, type BusinessHours } from './engine/business-hours';
import { parseWeeklySchedule, type WeeklySchedule } from './engine/weekly-schedule';
import { readToolsConfig, type ToolsConfig } from '../tools/tools.config';
import { ConfigError, type ConfigValue, flag, readDotEnv, wholeNumber } from '../config-values';

export interface WorkflowHttpConfig {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
}

export interface WorkflowConfig {
  /** `WORKFLOWS_ENABLED`; defaults to true except under NODE_ENV=test. Run the engine in one process only. */
  readonly enabled: boolean;
  /**
   * `WORKFLOWS_START_FROM`: where a workflow without a checkpoint starts — `now` (the default: the
   * head of the log when the engine first starts) or an ISO instant. Never the beginning of the
   * log, so a fresh deployment does not onboard every client ever recorded again.
   */
  readonly startFrom: 'now' | string;
  /**
   * `WORKFLOW_MAX_FACT_AGE_HOURS`: a fact that happened longer ago than this (its `occurredAt`
   * against the engine's clock) is history, not news: no workflow acts on it. See `isNewInTheWorld`.
   */
  readonly maxFactAgeMs: number;
  readonly tools: ToolsConfig;
  readonly http: WorkflowHttpConfig;
  readonly timeReportSchedule: WeeklySchedule;
  readonly financialReportSchedule: WeeklySchedule;
  readonly supportHours: BusinessHours;
  /** Business hours to a first response, per tier. */
  readonly slaHours: Readonly<Record<ClientTier, number>>;
  /** How often schedules and SLA timers are checked. */
  readonly timerIntervalMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const defaultSlaHours: Readonly<Record<ClientTier, number>> = { STARTER: 8, PROFESSIONAL: 4, ENTERPRISE: 1 };

/** Reads the workflow settings; every problem is reported at once (see `loadConfig`). */
export function loadWorkflowConfig(env: Env = readDotEnv('.env')): WorkflowConfig {
  const problems: string[] = [];
  const value: ConfigValue = (name) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const config = readWorkflowConfig(value, problems);
  // Tools shared with the pull sync report their problems through its reader as well.
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return config;
}

export function readWorkflowConfig(value: ConfigValue, problems: string[]): WorkflowConfig {
  const timeZone = value('BUSINESS_TIME_ZONE') ?? defaultTimeZone;
  const parse = <T>(name: string, fallback: string, parser: (text: string) => T): T => {
    try {
      return parser(value(name) ?? fallback);
    } catch (error) {
      problems.push(`${name}: ${isAppError(error) ? error.message : String(error)}`);
      return parser(fallback);
    }
  };
  return {
    enabled: flag(value, 'WORKFLOWS_ENABLED', value('NODE_ENV') !== 'test', problems),
    startFrom: startFromOf(value, problems),
    maxFactAgeMs: wholeNumber(value, 'WORKFLOW_MAX_FACT_AGE_HOURS', 72, 1, 8_760, problems) * 3_600_000,
    tools: readToolsConfig(value, problems),
    http: {
      timeoutMs: wholeNumber(value, 'WORKFLOW_HTTP_TIMEOUT_MS', 10_000, 100, 300_000, problems),
      maxAttempts: wholeNumber(value, 'WORKFLOW_HTTP_MAX_ATTEMPTS', 5, 1, 20, problems),
      retryBaseMs: wholeNumber(value, 'WORKFLOW_RETRY_BASE_MS', 1_000, 1, 600_000, problems),
    },
    timeReportSchedule: parse('WORKFLOW_TIME_REPORT_SCHEDULE', 'MON 08:00', (text) => parseWeeklySchedule(text, timeZone)),
    financialReportSchedule: parse('WORKFLOW_FINANCIAL_REPORT_SCHEDULE', 'MON 07:30', (text) => parseWeeklySchedule(text, timeZone)),
    supportHours: parse('SLA_BUSINESS_HOURS', 'MON-FRI 09:00-17:00', (text) => parseBusinessHours(text, value('SLA_TIME_ZONE') ?? timeZone)),
    slaHours: Object.fromEntries(
      clientTiers.map((tier) => [tier, positiveNumber(value, `SLA_HOURS_${tier}`, defaultSlaHours[tier], problems)]),
    ) as Record<ClientTier, number>,
    timerIntervalMs: wholeNumber(value, 'WORKFLOW_TIMER_INTERVAL_MS', 60_000, 100, 3_600_000, problems),
  };
}

function startFromOf(value: ConfigValue, problems: string[]): 'now' | string {
  const raw = value('WORKFLOWS_START_FROM') ?? 'now';
  if (raw.toLowerCase() === 'now') return 'now';
  const instant = new Date(raw);
  if (!raw.includes('T') || Number.isNaN(instant.getTime())) {
    problems.push(`WORKFLOWS_START_FROM must be "now" or an ISO instant such as 2026-03-02T00:00:00+10:00, got "${raw}"`);
    return 'now';
  }
  return instant.toISOString();
}

function positiveNumber(value: ConfigValue, name: string, fallback: number, problems: string[]): number {
  const raw = value(name);
  const parsed = Number(raw ?? fallback);
  if (Number.isFinite(parsed) && parsed > 0) return parsed;
  problems.push(`${name} must be a number of hours above 0, got "${raw}"`);
  return fallback;
}
