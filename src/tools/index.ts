import { chatwootTool } from './chatwoot/chatwoot.tool';
import { invoiceNinjaTool } from './invoiceninja/invoiceninja.tool';
import { mauticTool } from './mautic/mautic.tool';
import { nextcloudTool } from './nextcloud/nextcloud.tool';
import { planeTool } from './plane/plane.tool';
import type { Configured } from './shared/tool-config';
import type { AnyToolParts, WebhookParts } from './shared/tool-parts';
import { slackTool } from './slack/slack.tool';
import { xeroTool } from './xero/xero.tool';
import type { ToolName, WebhookTool } from './tool-names';

/**
 * The one list of tools and what each supports — webhooks, pull sync, a client for the workflows,
 * a probe for `zixly tools check` — from which the receiver, the translators, the sync sources, the
 * workflows' clients and the tools check are derived. A tool is one folder under `src/tools/` and
 * one line here (its name is declared in `tool-names.ts`; the compiler holds the two together).
 */
export const toolRegistry = {
  plane: planeTool,
  invoiceninja: invoiceNinjaTool,
  xero: xeroTool,
  chatwoot: chatwootTool,
  mautic: mauticTool,
  nextcloud: nextcloudTool,
  slack: slackTool,
} satisfies { readonly [T in ToolName]: AnyToolParts } & { readonly [T in WebhookTool]: { readonly webhooks: WebhookParts } };

type Registry = typeof toolRegistry;

/** The tools in the registry's order: the order they are synced, checked and listed in. */
const registered = Object.keys(toolRegistry) as ToolName[];

/** A tool's settings, as its `config` reader gives them. */
export type ConfigOf<T extends ToolName> = Registry[T]['config'] extends (...args: never[]) => Configured<infer C> ? C : never;
/** A tool's one client. */
export type ClientOf<T extends ToolName> = ReturnType<Registry[T]['client']>;

/** The tools with a pull sync. */
export type SyncTool = { [T in ToolName]: Registry[T] extends { readonly sync: object } ? T : never }[ToolName];
export const syncTools = registered.filter((tool): tool is SyncTool => 'sync' in toolRegistry[tool]);

/** The tools `zixly tools check` can probe. */
export type ProbedTool = { [T in ToolName]: Registry[T] extends { readonly probe: unknown } ? T : never }[ToolName];
export const probedTools = registered.filter((tool): tool is ProbedTool => 'probe' in toolRegistry[tool]);

/** The webhook tools that carry their secret in a configurable header (`WEBHOOK_SECRET_HEADER_<TOOL>`). */
export const headerSecretTools = registered.filter((tool): tool is WebhookTool => (toolRegistry[tool] as { webhooks?: WebhookParts }).webhooks?.secretIn === 'header');

export { toolLabels, toolNames, webhookTools, type ToolName, type WebhookTool } from './tool-names';
