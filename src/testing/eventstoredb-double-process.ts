import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const register = resolve(__dirname, 'fixtures/swc-register.cjs');
const entry = resolve(__dirname, 'eventstoredb-double/eventstoredb-double.process.ts');

export interface EventStoreDbDoubleProcess {
  readonly child: ChildProcess;
  /** What app processes take as `EVENTSTORE_URL`. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Starts the EventStoreDB protocol double in a child process and waits until it listens. */
export function spawnEventStoreDbDouble(): Promise<EventStoreDbDoubleProcess> {
  const child = spawn(process.execPath, ['--require', register, entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveStarted, reject) => {
    child.once('exit', (code) => reject(new Error(`the EventStoreDB double exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { connectionString } = JSON.parse(line) as { connectionString: string };
      resolveStarted({
        child,
        connectionString,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
