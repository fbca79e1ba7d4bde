import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookTool } from '../ingest/delivery';
import { eventually, signedHeaders, type SignOptions } from './ingest/ingest.fixtures';
import type { TestApi } from './api-harness';
import { toolFixturesFolder } from './tools/fixture-deliveries';

/** The body of a fixture rebuilt from a tool's source (`src/tools/<tool>/fixtures/<name>.json`). */
export function toolFixture(tool: WebhookTool, name: string): string {
  return readFileSync(join(toolFixturesFolder(tool), `${name}.json`), 'utf8');
}

/**
 * Posts a body to the app's real webhook route, signed as the tool signs it, and waits until the
 * worker settled the delivery; returns how (processed, ignored, parked) and the ignore reason.
 */
export async function deliver(api: TestApi, tool: WebhookTool, body: string, options: SignOptions = {}): Promise<{ status: string; ignoreReason: string | null }> {
  const response = await fetch(`${api.url}/webhooks/${tool}`, { method: 'POST', body, headers: signedHeaders(tool, body, options) });
  if (response.status !== 202 && response.status !== 200) throw new Error(`${tool} webhook answered ${response.status}: ${await response.text()}`);
  const { deliveries } = (await response.json()) as { deliveries: Array<{ deliveryId: string }> };
  const reads = api.app.services.readStore;
  const settled = await Promise.all(
    deliveries.map(({ deliveryId }) =>
      eventually(async () => {
        const found = (await reads.getMany<{ _id: string; status: string; ignoreReason?: string | null }>('webhook_deliveries', [deliveryId])).get(deliveryId)?.document;
        return found && found.status !== 'received' && found.status !== 'failed' ? found : undefined;
      }, 10_000),
    ),
  );
  const last = settled.at(-1)!;
  const head = await api.app.services.eventStore.headPosition();
  if (head !== null) await api.app.services.projections.waitFor(head, 10_000);
  return { status: last.status, ignoreReason: last.ignoreReason ?? null };
}
