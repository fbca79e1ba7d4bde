import { readFileSync } from 'node:fs';
import { fixturePath } from '../../testing/tools/fixture-deliveries';

/** A JSON object as the tools send it; variants mutate a fresh copy. */
export type Payload = Record<string, any>;

const cache = new Map<string, Payload>();

/**
 * A fresh copy of a shared sample body (`src/tools/<tool>/fixtures/<name>.json`) without our `_headers`
 * and `_note` annotations: the realistic shape every generated variant starts from.
 */
export function samplePayload(name: string): Payload {
  let sample = cache.get(name);
  if (!sample) {
    const { _headers, _note, ...body } = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Payload;
    sample = body;
    cache.set(name, sample);
  }
  return structuredClone(sample);
}

export const unixSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
export const isoSeconds = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');
export const isoDate = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);
