/** Where a request target may go: a path to route, or why it is refused (answered 400). */
export type RoutingPath = { readonly path: string } | { readonly refused: string };

const encodedSeparatorOrDot = /%(2e|2f|5c)/gi;

/**
 * The path a request is routed by. WHATWG URL parsing resolves `..` — also percent-encoded and
 * with backslashes — so `/webhooks/%2e%2e/metrics` would become `/metrics`: a proxy that lets only
 * `/webhooks/*` through would then expose the probes and metrics. Dot segments (plain or
 * encoded), encoded slashes and backslashes are refused outright; a target starting with `//`
 * (an authority to a URL parser) too; duplicate slashes further on are collapsed.
 */
export function routingPathOf(target: string | undefined): RoutingPath {
  const raw = (target ?? '/').split(/[?#]/, 1)[0]!;
  if (!raw.startsWith('/')) return { refused: 'The request target must be an absolute path' };
  // `//host/path` reads as an authority to a URL parser: never a path to route.
  if (raw.startsWith('//')) return { refused: 'The request path is not a valid URL path (it starts with //)' };
  if (raw.includes('\\') || /%(2f|5c)/i.test(raw)) return { refused: 'The request path must not contain encoded slashes or backslashes' };
  const segments = raw.replace(encodedSeparatorOrDot, (match) => decodeURIComponent(match)).split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { refused: 'The request path must not contain dot segments (. or ..)' };
  let path: string;
  try {
    path = new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return { refused: 'The request path is not a valid URL path' };
  }
  return { path: path.replace(/\/{2,}/g, '/') };
}
