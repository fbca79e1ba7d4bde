import { startApp } from '../../app';
import { loadConfig } from '../../config';

/**
 * The product as `npm start` runs it, in a child process the reliability specs can SIGKILL:
 * configured from the environment only, it reports its URL to the parent over IPC.
 */
export interface AppListening {
  readonly kind: 'listening';
  readonly url: string;
  readonly pid: number;
}

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env));
  const message: AppListening = { kind: 'listening', url: app.url, pid: process.pid };
  process.send?.(message);
  process.on('SIGTERM', () => {
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
