import { toolRegistry, webhookTools } from '../tools';
import type { Delivery, Translator, WebhookTool } from './delivery';
import type { WebhookParts } from '../tools/shared/tool-parts';

/** One pure translator per tool: what a delivery means as business commands (or why nothing). */
export const translators: Readonly<Record<WebhookTool, Translator>> = Object.fromEntries(webhookTools.map((tool) => [tool, toolRegistry[tool].webhooks.translate])) as Record<WebhookTool, Translator>;


/** The payments a delivery names whose allocations its translation needs (`paymentsNamed` of its tool). */
export function paymentsNamedBy(delivery: Delivery): readonly string[] {
  const webhooks: WebhookParts = toolRegistry[delivery.tool].webhooks;
  return webhooks.paymentsNamed?.(delivery) ?? [];
}
