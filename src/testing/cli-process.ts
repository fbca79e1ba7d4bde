import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

const register = resolve(__dirname, 'fixtures/swc-register.cjs');
const entry = resolve(__dirname, '../cli/zixly.ts');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Added to a minimal environment (PATH and HOME only, so the developer's settings never leak in). */
  readonly env?: Record<string, string>;
  /** A file to connect to stdin, as `< file` would. */
  readonly stdinFile?: string;
  /** A file to connect stdout to, as `> file` would. */
  readonly stdoutFile?: string;
  /** Working directory (its `.env` is read); defaults to the temp directory, away from a developer's `.env`. */
  readonly cwd?: string;
}

/** Starts `zixly <args>` from the TypeScript sources, without a build. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...options.env };
  const stdin = options.stdinFile ? openSync(options.stdinFile, 'r') : 'ignore';
  const stdout = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'pipe';
  return spawn(process.execPath, ['--require', register, entry, ...args], { cwd: options.cwd ?? tmpdir(), env, stdio: [stdin, stdout, 'pipe'] });
}

/** Runs `zixly <args>` to its end and collects what it wrote. */
export function runCliProcess(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
