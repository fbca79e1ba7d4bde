import { toolNames, toolRegistry, type ClientOf, type ConfigOf, type ToolName } from '.';
import type { FetchFunction } from './shared/tool-http';
import { ToolHttpClient } from './shared/tool-http.client';
import type { ToolsConfig } from './tools.config';

/** One client per configured tool; null where the tool is not configured. */
export type ToolClients = { readonly [T in ToolName]: ClientOf<T> | null };

export type ToolClient<K extends ToolName> = ClientOf<K>;

/** What the workflows' clients share: one timeout per call (their steps decide about retries). */
export interface ClientOptions {
  readonly timeoutMs: number;
  readonly fetch?: FetchFunction;
}

/** Each configured tool's one client (`client` in its declaration), on the shared HTTP layer. */
export function createToolClients(tools: ToolsConfig, options: ClientOptions): ToolClients {
  const clientOf = <T extends ToolName>(tool: T): ClientOf<T> | null => {
    const config = tools[tool] as ConfigOf<T> | null;
    if (config === null) return null;
    const client = toolRegistry[tool].client as unknown as (config: ConfigOf<T>, http: ToolHttpClient) => ClientOf<T>;
    return client(config, new ToolHttpClient({ tool, timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) }));
  };
  return Object.fromEntries(toolNames.map((tool) => [tool, clientOf(tool)])) as ToolClients;
}
