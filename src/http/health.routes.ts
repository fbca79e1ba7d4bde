import type { EventStore } from '../core/event-store.port';
import { type Route, sendJson } from './http-server';

/** `/healthz`: the process is alive. `/readyz`: the event store answers. */
export function healthRoutes({ store, adapter }: { store: EventStore; adapter: string }): Route[] {
  return [
    { method: 'GET', path: '/healthz', handle: (_request, response) => sendJson(response, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      async handle(_request, response) {
        try {
          const headPosition = await store.headPosition();
          sendJson(response, 200, { status: 'ready', eventStore: { adapter, headPosition } });
        } catch (error) {
          sendJson(response, 503, { status: 'unavailable', eventStore: { adapter, error: (error as Error).message } });
        }
      },
    },
  ];
}
