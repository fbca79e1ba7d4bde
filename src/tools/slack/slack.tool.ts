import type { ToolParts } from '../shared/tool-parts';
import { SlackClient } from './slack.client';
import { readSlackConfig, type SlackConfig } from './slack.config';

/** Slack: an incoming webhook the workflows post to; nothing comes back. */
export const slackTool = {
  config: readSlackConfig,
  client: (config, http) => new SlackClient(config, http),
} satisfies ToolParts<SlackConfig, SlackClient>;
