import type { ProcessorLeases } from './lease-keeper';

export interface Stoppable {
  stop(): Promise<void>;
}

/** How often a processor checks a lease that may have run out without a renewal failing loudly. */
const recheckMs = 250;

/**
 * Runs a processor only while this process holds its lease: `start` when the lease is gained,
 * `stop` (which finishes the work in flight) when it is lost, again when it comes back. Without
 * leases (`null`), runs it at once. The returned `stop` ends it for good.
 */
export function runWhileLeased(leases: ProcessorLeases | null, name: string, start: () => Promise<Stoppable>, onError: (error: unknown) => void): Stoppable {
  if (leases === null) {
    const started = start();
    return { stop: async () => (await started).stop() };
  }
  let stopped = false;
  let wake: () => void = () => undefined;
  const loop = (async () => {
    let running: Stoppable | null = null;
    while (!stopped) {
      const held = leases.held(name) !== null;
      try {
        if (held && !running) running = await start();
        else if (!held && running) {
          const stopping = running;
          running = null;
          await stopping.stop();
        }
      } catch (error) {
        onError(error);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        void leases.changed().then(resolve);
        setTimeout(resolve, recheckMs).unref();
      });
    }
    await running?.stop();
  })();
  return {
    stop: async () => {
      stopped = true;
      wake();
      await loop;
    },
  };
}
