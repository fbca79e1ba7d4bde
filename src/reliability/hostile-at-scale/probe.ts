/**
 * One probe of the "hostile at scale" reliability scenario: something an attacker or a careless
 * operator sends, and how the product answered it. Probe files live in ./probes/*.probes.ts and
 * export `probes: readonly Probe[]`; the scenario's runner finds them by that name.
 */
export type ProbeClass = 'graphql' | 'websocket' | 'http' | 'webhooks' | 'domain-input' | 'import' | 'damaged-files';

export interface ProbeTarget {
  /** The composed app under attack, e.g. http://127.0.0.1:41234 (a child process on the embedded store). */
  readonly url: string;
  /** That app's DATA_DIR. */
  readonly dataDir: string;
  /** One API key per role, created for the run. */
  readonly keys: Readonly<Record<'VIEWER' | 'EDITOR' | 'ADMIN', string>>;
  /** The environment the app was started with (webhook secrets per tool among it). */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * refused: a clear error, nothing stored or changed. served: answered within its bounds (a capped or
 * paged result). leak: data past the caller's role reached it. failed: an internal error, a crash, a
 * wrong answer, or work that blocked the process.
 */
export type ProbeOutcome =
  | { readonly kind: 'refused'; readonly detail: string }
  | { readonly kind: 'served'; readonly detail: string }
  | { readonly kind: 'leak'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

export interface Probe {
  readonly class: ProbeClass;
  readonly name: string;
  /** Probes that damage files or restart a process start their own app and leave the target alone. */
  run(target: ProbeTarget): Promise<ProbeOutcome>;
}
