import { toolRegistry, webhookTools } from '../../tools';
import type { WebhookTool } from '../delivery';
import type { WebhookConfig } from '../ingest.config';
import type { ToolIngest } from './tool-ingest';

export type { ToolIngest } from './tool-ingest';

/** How the receiver treats each tool's requests, from each tool's own declaration (`src/tools/<tool>/<tool>.tool.ts`). */
export function webhookReceivers(config: WebhookConfig): Readonly<Record<WebhookTool, ToolIngest>> {
  const receiverOf = (tool: WebhookTool): ToolIngest => toolRegistry[tool].webhooks.receiver(config.secretHeaders[tool] ?? '');
  return Object.fromEntries(webhookTools.map((tool) => [tool, receiverOf(tool)])) as Record<WebhookTool, ToolIngest>;
}
