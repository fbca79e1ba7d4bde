import { ConfigError, type ConfigValue, flag, wholeNumber } from '../../config-values';
import { syncTools, toolRegistry, type ConfigOf, type SyncTool } from '../../tools';
import type { Configured } from '../../tools/shared/tool-config';

export { syncTools, type SyncTool } from '../../tools';

/** A tool's sync: disabled (and why) when any of its settings is missing. */
export type ToolSyncConfig<T extends SyncTool> =
  | { readonly tool: T; readonly enabled: true; readonly intervalSeconds: number; readonly credentials: ConfigOf<T> }
  | { readonly tool: T; readonly enabled: false; readonly intervalSeconds: number; readonly missing: readonly string[] };

export interface SyncConfig {
  /**
   * `SYNC_ENABLED` (default true): whether this process pulls at all. Like the workflow engine,
   * one process should pull: set it to false in the others.
   */
  readonly enabled: boolean;
  readonly tools: { readonly [T in SyncTool]: ToolSyncConfig<T> };
  /** `SYNC_HTTP_TIMEOUT_MS`: per request. */
  readonly timeoutMs: number;
  /** `SYNC_HTTP_MAX_ATTEMPTS`: tries per request on timeouts, 429 and 5xx. */
  readonly maxAttempts: number;
  /** `SYNC_MAX_PAGES_PER_RUN`: bounds a run, and the work a crash can lose. */
  readonly maxPagesPerRun: number;
}

function toolConfig<T extends SyncTool>(tool: T, value: ConfigValue, problems: string[]): ToolSyncConfig<T> {
  const intervalName = `SYNC_${tool.toUpperCase()}_INTERVAL_SECONDS`;
  const parts = toolRegistry[tool];
  const intervalSeconds = wholeNumber(value, intervalName, parts.sync.intervalSeconds, 30, 86_400, problems);
  const configured = parts.config(value, problems) as Configured<ConfigOf<T>>;
  if ('missing' in configured) return { tool, enabled: false, intervalSeconds, missing: configured.missing };
  return { tool, enabled: true, intervalSeconds, credentials: configured.config };
}

/** Reads the pull-sync settings, adding one line per problem to `problems` (see `loadConfig`). */
export function readSyncConfig(value: ConfigValue, problems: string[]): SyncConfig {
  const tools = Object.fromEntries(syncTools.map((tool) => [tool, toolConfig(tool, value, problems)])) as unknown as SyncConfig['tools'];
  return {
    enabled: flag(value, 'SYNC_ENABLED', true, problems),
    tools,
    timeoutMs: wholeNumber(value, 'SYNC_HTTP_TIMEOUT_MS', 15_000, 100, 300_000, problems),
    maxAttempts: wholeNumber(value, 'SYNC_HTTP_MAX_ATTEMPTS', 4, 1, 10, problems),
    maxPagesPerRun: wholeNumber(value, 'SYNC_MAX_PAGES_PER_RUN', 50, 1, 10_000, problems),
  };
}

export function loadSyncConfig(env: Readonly<Record<string, string | undefined>> = process.env): SyncConfig {
  const problems: string[] = [];
  const config = readSyncConfig((name) => (env[name]?.trim() ? env[name]!.trim() : undefined), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

