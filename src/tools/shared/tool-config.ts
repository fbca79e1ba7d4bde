import type { ConfigValue } from '../../config-values';

/** A tool's settings once all its variables are set; otherwise the variables still missing. */
export type Configured<C> = { readonly config: C } | { readonly missing: readonly string[] };

export const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s/]+/.test(url);

/**
 * Reads the variables a tool needs, by the key each fills (`{ apiUrl: 'PLANE_API_URL', … }`); the
 * `url` key names the one that must be an http(s) URL (trailing slashes dropped). A tool with any
 * variable unset is not configured; a bad URL adds one line to `problems` (see `loadConfig`).
 */
export function readToolVariables<K extends string>(
  value: ConfigValue,
  problems: string[],
  variables: Readonly<Record<K, string>>,
  options: { readonly url: NoInfer<K>; readonly defaults?: Readonly<Record<string, string>>; readonly hiddenUrl?: boolean },
): Configured<Record<K, string>> {
  const entries = Object.entries(variables) as Array<[K, string]>;
  const read = (name: string) => value(name) ?? options.defaults?.[name];
  const missing = entries.filter(([, name]) => read(name) === undefined).map(([, name]) => name);
  if (missing.length > 0) return { missing };
  const config = Object.fromEntries(entries.map(([key, name]) => [key, read(name)!])) as Record<K, string>;
  const url = config[options.url];
  // A Slack webhook URL is itself the secret: never echo it, and send it as given.
  if (!isHttpUrl(url)) problems.push(`${variables[options.url]} must be an http(s) URL, got ${options.hiddenUrl ? '(hidden)' : `"${url}"`}`);
  if (!options.hiddenUrl) config[options.url] = url.replace(/\/+$/, '');
  return { config };
}

/** The tool's settings with `extra` added once it is configured. */
export function withExtra<C, E>(configured: Configured<C>, extra: (config: C) => E): Configured<C & E> {
  return 'config' in configured ? { config: { ...configured.config, ...extra(configured.config) } } : configured;
}
