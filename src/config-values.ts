import { existsSync, readFileSync } from 'node:fs';

/** Reads one configuration variable: its trimmed value, or undefined when unset or blank. */
export type ConfigValue = (name: string) => string | undefined;

/**
 * A whole number from `min` to `max` (`fallback` when unset); anything else adds one line to
 * `problems` (see `loadConfig`) and gives the fallback, so every bad setting is reported at once.
 */
export function wholeNumber(value: ConfigValue, name: string, fallback: number, min: number, max: number, problems: string[], unit = ''): number {
  const raw = value(name);
  const parsed = Number(raw ?? fallback);
  if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  problems.push(`${name} must be a whole number from ${min} to ${max}${unit}, got "${raw}"`);
  return fallback;
}

/** `true` or `false`, in any case (`fallback` when unset); anything else adds one line to `problems`. */
export function flag(value: ConfigValue, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = value(name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

/** Every configuration problem found at start, one line each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `KEY=value` lines of an optional `.env`; variables already set in the environment win. */
export function readDotEnv(path: string, env: Readonly<Record<string, string | undefined>> = process.env): Record<string, string | undefined> {
  if (!existsSync(path)) return { ...env };
  const fromFile: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) fromFile[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return { ...fromFile, ...env };
}
