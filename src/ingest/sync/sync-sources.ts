import { toolRegistry, type ConfigOf } from '../../tools';
import type { ToolHttpClient } from '../../tools/shared/tool-http.client';
import type { SyncSource } from './sync-source';
import type { SyncConfig, SyncTool } from './sync.config';

type Enabled<T extends SyncTool> = Extract<SyncConfig['tools'][T], { enabled: true }>;

/** The source of an enabled tool, over its one client (each tool declares it in `src/tools/<tool>/<tool>.tool.ts`). */
export function syncSourceFor<T extends SyncTool>(config: Enabled<T>, http: ToolHttpClient): SyncSource {
  const source = toolRegistry[config.tool].sync.source as (credentials: ConfigOf<T>, http: ToolHttpClient) => SyncSource;
  return source(config.credentials, http);
}
