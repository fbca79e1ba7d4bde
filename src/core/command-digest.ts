import { createHash } from 'node:crypto';
import type { Command } from './messages';

/**
 * SHA-256 of a command's type and data as canonical JSON (keys sorted, `undefined` dropped). It is
 * stored with the events an idempotency key produced, so a key reused for another command can be
 * told from a retry. `occurredAt` is left out: a retry that lets it default to "now" is the same
 * command.
 */
export function commandDigest(command: Pick<Command, 'type' | 'data'>): string {
  return createHash('sha256').update(canonicalJson({ type: command.type, data: command.data })).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
