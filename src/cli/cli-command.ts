import type { Readable, Writable } from 'node:stream';

/** The process's streams and environment, passed in so a spec can run a command in-process. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** A list: repeat the option or separate values with commas. */
  readonly list?: boolean;
  /** Placeholder in the help, e.g. `<role>`. */
  readonly value?: string;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** A number of at least this: whole unless `decimal`. */
  readonly min?: number;
  readonly decimal?: boolean;
}

export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

export interface CommandInput {
  /** The positional arguments, in the order the command declares them. */
  readonly args: readonly string[];
  readonly options: OptionValues;
}

export interface CommandSpec {
  /** The words that select it: `keys create`. */
  readonly name: string;
  readonly summary: string;
  /** Required positional arguments. */
  readonly args?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** More help: what it does in detail, examples. */
  readonly details?: string;
  /** Resolves with the exit code. Implementations are loaded on demand, so `--help` stays fast. */
  readonly run: (input: CommandInput, io: CliIo) => Promise<number>;
}

/** A mistake in the command line: reported with a hint and exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help applies, if known. */
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;
