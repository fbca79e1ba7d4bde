import type { ConfigValue } from '../../config-values';
import type { Delivery, Translator } from '../../ingest/delivery';
import type { ToolIngest } from '../../ingest/receiver/tool-ingest';
import type { SyncSource } from '../../ingest/sync/sync-source';
import type { Configured } from './tool-config';
import type { ToolHttpClient } from './tool-http.client';
import type { ToolProbe } from './tool-probe';

/** A tool that sends webhooks: how the receiver checks and splits its requests, and what a delivery means. */
export interface WebhookParts {
  /**
   * `signature`: the tool signs each body with `WEBHOOK_SECRET_<TOOL>`. `header`: it can only send a
   * fixed header, so the secret travels in one (`WEBHOOK_SECRET_HEADER_<TOOL>`, default X-Zixly-Secret).
   */
  readonly secretIn: 'signature' | 'header';
  /** `secretHeader`: the lower-cased header name, for `header` tools. */
  readonly receiver: (secretHeader: string) => ToolIngest;
  readonly translate: Translator;
  /**
   * The payments (Zixly's ids) a delivery names whose invoice allocations its translation needs,
   * for the worker to load first (Invoice Ninja's deleted payment); none when absent.
   */
  readonly paymentsNamed?: (delivery: Delivery) => readonly string[];
}

/** A tool with an API to read: what changed since a cursor, as the same translations as its webhooks. */
export interface SyncParts<C> {
  /** `SYNC_<TOOL>_INTERVAL_SECONDS` when unset. */
  readonly intervalSeconds: number;
  readonly source: (config: C, http: ToolHttpClient) => SyncSource;
}

/**
 * Everything Zixly knows how to do with one tool. Each tool declares its own in
 * `src/tools/<tool>/<tool>.tool.ts`; `src/tools/index.ts` registers them, and the receiver, the
 * translators, the pull sync, the workflows' clients and `zixly tools check` all derive from it.
 */
export interface ToolParts<C, Client> {
  /** Reads its settings; unset variables leave it unconfigured (its sync off, its workflow steps skipped). */
  readonly config: (value: ConfigValue, problems: string[]) => Configured<C>;
  /** Its one client on the shared HTTP layer: reads for the sync and the probe, writes for the workflows. */
  readonly client: (config: C, http: ToolHttpClient) => Client;
  readonly webhooks?: WebhookParts;
  readonly sync?: SyncParts<C>;
  /** `zixly tools check`, over its client: proves the credentials, and lists the webhooks where the API can. */
  readonly probe?: (client: Client, context: { readonly secretHeader: string | null }) => ToolProbe;
}

/** Any tool's parts, whatever its settings and client (what the registry holds). */
export interface AnyToolParts {
  readonly config: (value: ConfigValue, problems: string[]) => Configured<unknown>;
  readonly client: (config: never, http: ToolHttpClient) => unknown;
  readonly webhooks?: WebhookParts;
  readonly sync?: { readonly intervalSeconds: number; readonly source: (config: never, http: ToolHttpClient) => SyncSource };
  readonly probe?: (client: never, context: { readonly secretHeader: string | null }) => ToolProbe;
}
