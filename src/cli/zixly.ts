#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config';
import { isAppError } from '../core/errors';
import { logger } from '../logging/logger';
import { type CliIo, exitCodes, UsageError } from './cli-command';
import { commands } from './cli-commands';
import { helpText } from './cli-help';
import { parseCommandLine } from './cli-parser';

function usage(error: UsageError, io: CliIo): number {
  io.stderr.write(`zixly: ${error.message}\nRun "zixly ${error.command ? `${error.command} ` : ''}--help" for usage.\n`);
  return exitCodes.usage;
}

const version = () => (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** Runs one command line and resolves with the exit code: 0 done, 1 failed, 2 a usage mistake. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv, commands);
  } catch (error) {
    if (error instanceof UsageError) return usage(error, io);
    throw error;
  }
  if (parsed.kind !== 'run') {
    io.stdout.write(parsed.kind === 'help' ? helpText(parsed.topic, commands) : `zixly ${version()}\n`);
    return exitCodes.ok;
  }
  try {
    return await parsed.command.run(parsed.input, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(error, io);
    if (error instanceof ConfigError) io.stderr.write(`${error.message}\n`);
    else if (isAppError(error)) io.stderr.write(`zixly ${parsed.command.name}: ${error.message}\n`);
    else logger.fatal({ err: error }, `zixly ${parsed.command.name} failed`);
    return exitCodes.failure;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
    // Everything is closed by now; should a driver still hold the event loop, do not hang.
    setTimeout(() => process.exit(code), 5_000).unref();
  });
}
