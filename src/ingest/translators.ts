import { toolRegistry, webhookTools } from '../tools';
import type { Translator, WebhookTool } from './delivery';

/** One pure translator per tool: what a delivery means as business commands (or why nothing). */
export const translators: Readonly<Record<WebhookTool, Translator>> = Object.fromEntries(webhookTools.map((tool) => [tool, toolRegistry[tool].webhooks.translate])) as Record<WebhookTool, Translator>;

