/** Far deeper than any tool's payload (Chatwoot's, the deepest, nests about 8 levels). */
export const maxJsonDepth = 64;

/**
 * Whether parsed JSON nests objects and arrays deeper than `limit`. Walks with its own stack:
 * the bodies this refuses are exactly those that overflow recursive code (JSON.stringify included).
 */
export function nestsDeeperThan(value: unknown, limit = maxJsonDepth): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth === limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
