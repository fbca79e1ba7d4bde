import type { ConfigValue } from '../config-values';
import { toolNames, toolRegistry, type ConfigOf, type ToolName } from '.';
import { toolLabels } from './shared/tool-http';

/**
 * Every tool's settings, read by each tool's own reader (`src/tools/<tool>/<tool>.config.ts`). A
 * tool is configured when all its variables are set; otherwise null, and its workflow steps are
 * skipped (the pull sync reads the same settings: one variable, one meaning).
 */
export type ToolsConfig = { readonly [T in ToolName]: ConfigOf<T> | null } & {
  /** The variables still missing, per tool that is not configured. */
  readonly missing: Readonly<Partial<Record<ToolName, readonly string[]>>>;
};

/** Why a tool's steps are skipped: it names the variables still to set. */
export function notConfiguredReason(tool: ToolName, tools: ToolsConfig): string {
  const names = tools.missing[tool] ?? [];
  return `${toolLabels[tool]} is not configured${names.length > 0 ? ` (set ${names.join(', ')})` : ''}`;
}

export function readToolsConfig(value: ConfigValue, problems: string[]): ToolsConfig {
  const missing: Partial<Record<ToolName, readonly string[]>> = {};
  const configs = toolNames.map((tool) => {
    const configured = toolRegistry[tool].config(value, problems);
    if ('missing' in configured) missing[tool] = configured.missing;
    return [tool, 'config' in configured ? configured.config : null];
  });
  return { ...(Object.fromEntries(configs) as { [T in ToolName]: ConfigOf<T> | null }), missing };
}
