/** Deliveries of the crash scenario inside `npm test`; `npm run test:reliability` sets 20,000. */
export const defaultReliabilityScale = 2_000;

/**
 * `RELIABILITY_SCALE`: how many webhook deliveries the crash scenario sends; the other scenarios
 * derive their sizes from it. A small default keeps `npm test` quick.
 */
export function reliabilityScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RELIABILITY_SCALE;
  if (raw === undefined || raw === '') return defaultReliabilityScale;
  const scale = Number(raw);
  if (!Number.isSafeInteger(scale) || scale < 100) throw new Error(`RELIABILITY_SCALE must be a whole number of at least 100, got "${raw}"`);
  return scale;
}

/** The seed of every generated workload; `RELIABILITY_SEED` replays another one. */
export function reliabilitySeed(env: NodeJS.ProcessEnv = process.env): number {
  const seed = Number(env.RELIABILITY_SEED ?? 8);
  if (!Number.isSafeInteger(seed)) throw new Error(`RELIABILITY_SEED must be a whole number, got "${env.RELIABILITY_SEED}"`);
  return seed;
}
