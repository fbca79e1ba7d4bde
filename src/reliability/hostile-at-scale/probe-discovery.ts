import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Probe } from './probe';

export const probesDir = join(__dirname, 'probes');

/** Every `probes/*.probes.ts` file's `probes`, found at run time: a new file needs no registry. */
export async function discoverProbes(dir = probesDir): Promise<Probe[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.probes.ts')).sort();
  const found: Probe[] = [];
  for (const file of files) {
    const module = (await import(join(dir, file))) as { probes?: readonly Probe[] };
    if (!Array.isArray(module.probes)) throw new Error(`${file} does not export probes: readonly Probe[]`);
    found.push(...module.probes);
  }
  return found;
}
