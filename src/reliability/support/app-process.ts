import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppListening } from './app-server.child';

const register = resolve(__dirname, '../../testing/fixtures/swc-register.cjs');
const defaultEntry = resolve(__dirname, 'app-server.child.ts');
const startTimeoutMs = 60_000;
const keptOutputLines = 200;

/**
 * The product in a child process on its own DATA_DIR: started, SIGKILLed and started again on the
 * same files, as an operator's supervisor would. Its output is kept (last lines) for diagnostics.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private readonly output: string[] = [];
  private currentUrl = '';
  starts = 0;

  private constructor(
    private readonly env: Record<string, string>,
    private readonly entry: string,
  ) {}

  static async start(env: Record<string, string>, entry = defaultEntry): Promise<AppProcess> {
    const app = new AppProcess(env, entry);
    await app.launch();
    return app;
  }

  get url(): string {
    return this.currentUrl;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** What the process printed last, for a failing spec's message. */
  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  /** SIGKILL: no handler runs, nothing is flushed; resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async restart(): Promise<void> {
    if (this.child) await this.kill();
    await this.launch();
  }

  /** SIGTERM: the product's graceful stop (in-flight requests finish, checkpoints saved). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    await exited;
  }

  private launch(): Promise<void> {
    const child = fork(this.entry, [], {
      execArgv: ['--require', register],
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    this.starts += 1;
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => this.keep(chunk));
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`the app did not start within ${startTimeoutMs} ms:\n${this.tail()}`)), startTimeoutMs);
      child.on('message', (message: AppListening) => {
        if (message.kind !== 'listening') return;
        clearTimeout(timer);
        this.currentUrl = message.url;
        resolvePromise();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the app exited (code ${code}, signal ${signal}) before listening:\n${this.tail()}`));
      });
    });
  }

  private keep(chunk: Buffer): void {
    this.output.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
    if (this.output.length > keptOutputLines) this.output.splice(0, this.output.length - keptOutputLines);
  }
}
