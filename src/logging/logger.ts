import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

interface LineSink {
  write(line: string): void;
}

/**
 * Where JSON lines go. The server logs to stdout (what containers collect); the CLI sends them to
 * stderr because its stdout carries data (`events export > file.ndjson`).
 */
let sink: LineSink = process.stdout;

/**
 * The one logger of the process: JSON lines with `level` as a word, `time` as an ISO instant and
 * `msg`. Modules log through it with a `component` field rather than keeping children, because a
 * child keeps the level it was created with and `configureLogger` runs after modules load.
 */
export const logger: Logger = pino(
  {
    base: { service: 'zixly-ops', pid: process.pid },
    level: 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  },
  { write: (line: string) => sink.write(line) },
);

/** Applies `LOG_LEVEL` and the output stream; called once by `startApp` and the CLI. */
export function configureLogger(options: { level: LogLevel; output?: 'stdout' | 'stderr' }): void {
  logger.level = options.level;
  if (options.output) sink = options.output === 'stderr' ? process.stderr : process.stdout;
}

/** Collects the log lines written while it is active (specs); `restore()` puts the output back. */
export function captureLogs(level: LogLevel = 'info'): { readonly lines: string[]; entries(): Array<Record<string, unknown>>; restore(): void } {
  const previous = { sink, level: logger.level };
  const lines: string[] = [];
  sink = { write: (line) => void lines.push(line) };
  logger.level = level;
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    restore() {
      sink = previous.sink;
      logger.level = previous.level;
    },
  };
}
