import { checkTools } from '../../tools/tools-check';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { loadCliConfig } from '../cli-context';
import { jsonLine, table } from '../cli-table';

/** Exits 1 when a configured tool's credentials fail or its webhook is missing or sends another secret. */
export async function toolsCheck({ options }: CommandInput, io: CliIo): Promise<number> {
  const checks = await checkTools(loadCliConfig(io));
  if (options.json) io.stdout.write(jsonLine(checks));
  else io.stdout.write(table(['TOOL', 'API CREDENTIALS', 'WEBHOOK', 'DETAILS'], checks.map((check) => [check.tool, check.credentials, check.webhook, `${check.credentialsMessage}; ${check.webhookMessage}`])));
  const broken = checks.some((check) => check.credentials === 'REFUSED' || check.credentials === 'FAILED' || check.webhook === 'MISSING' || check.webhook === 'WRONG_SECRET');
  return broken ? exitCodes.failure : exitCodes.ok;
}
