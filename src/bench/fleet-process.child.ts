import { once } from 'node:events';
import { startApp, startWorker } from '../app';
import { loadConfig } from '../config';
import { runBenchChild } from './bench-child';

/** argv: `api` or `worker`. Configured from the environment; tells the parent its URL, stops on `stop`. */
async function main(): Promise<void> {
  const role = process.argv[2];
  const config = loadConfig(process.env);
  const running = role === 'worker' ? await startWorker(config) : await startApp(config);
  const stopped = once(process, 'message');
  process.send!({ url: running.url });
  await stopped;
  await running.stop();
}

runBenchChild(main);
