import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchResult } from './bench-result';

/** A result as the file keeps it: where and when it was measured, since a file gathers several runs. */
export interface RecordedBenchResult extends BenchResult {
  readonly machine: string;
  readonly measuredAt: string;
}

export function machineDescription(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function readExisting(path: string): RecordedBenchResult[] {
  if (!existsSync(path)) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(parsed) ? (parsed as RecordedBenchResult[]) : [];
  } catch {
    return [];
  }
}

/**
 * Writes this run's results into the file by name: a result measured again replaces the old one
 * in place, new ones are added at the end, and every other figure is kept — running one suite
 * never erases the others'.
 */
export function mergeResults(path: string, fresh: readonly BenchResult[], stamp: { machine: string; measuredAt: string }): { kept: number; written: number } {
  const byName = new Map(fresh.map((result) => [result.name, { ...result, ...stamp }]));
  const existing = readExisting(path);
  const merged = existing.map((result) => byName.get(result.name) ?? result);
  const known = new Set(existing.map((result) => result.name));
  merged.push(...[...byName.values()].filter((result) => !known.has(result.name)));
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  return { kept: merged.length - byName.size, written: byName.size };
}
