import { startWorker } from '../../app';
import { loadConfig } from '../../config';
import type { AppListening } from './app-server.child';

/**
 * `zixly worker` in a child process the reliability specs can SIGKILL: configured from the
 * environment (WORKER_PORT=0 for its probes), it reports its probes' URL over IPC.
 */
async function main(): Promise<void> {
  const worker = await startWorker(loadConfig(process.env));
  const message: AppListening = { kind: 'listening', url: worker.url ?? '', pid: process.pid };
  process.send?.(message);
  process.on('SIGTERM', () => {
    worker.stop().then(
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
