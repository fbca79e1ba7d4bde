import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { randomId } from '../../core/ids';
import { TestApi } from '../../testing/api-harness';

const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', correlationId: 'c', causationId: null, actor: 'test' };

describe('the NDJSON export and a client that stopped reading', () => {
  it('does not hold the graceful stop of the app', async () => {
    // Given a log far larger than the socket buffers, and a client that asks for all of it and never reads
    const api = await TestApi.start({ HTTP_WRITE_TIMEOUT_MS: '1000' });
    const padding = 'x'.repeat(2_000);
    for (let batch = 0; batch < 40; batch++) {
      const events = Array.from({ length: 500 }, (_, index) => ({ id: randomId(), type: 'NoteTaken', data: { index, padding }, metadata }));
      await api.app.services.eventStore.append(`Note-${batch}`, events);
    }
    const { hostname, port } = new URL(api.url);
    const client = connect({ host: hostname, port: Number(port) });
    client.on('error', () => undefined);
    await once(client, 'connect');
    client.pause();
    client.write(`GET /export/events.ndjson HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${api.adminKey}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    // When the app stops
    await api.stop();

    // Then it stopped, and the stalled client's connection was closed
    const closed = client.destroyed ? Promise.resolve() : once(client.resume(), 'close');
    await closed;
    expect(client.bytesRead).toBeLessThan(40 * 500 * padding.length);
  }, 30_000);
});
