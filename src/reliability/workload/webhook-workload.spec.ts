import { describe, expect, it } from 'vitest';
import type { Delivery, IdentityLookup, WebhookTool } from '../../ingest/delivery';
import { ingestTools } from '../support/ingest-tools';
import { webhookWorkload } from './webhook-workload';

const workload = webhookWorkload(1_000, 8);

const identities: IdentityLookup = {
  clientByToolId: (tool, externalId) =>
    workload.clients.find((client) => (tool === 'chatwoot' ? client.chatwootContactId : tool === 'invoiceninja' ? client.invoiceNinjaClientId : null) === externalId)?.clientId ?? null,
  clientByEmailDomain: () => null,
};

function asDelivered(tool: WebhookTool, body: string, invoiceNinjaEvent?: string): Delivery[] {
  const headers: Record<string, string> = invoiceNinjaEvent ? { 'x-in-event': invoiceNinjaEvent } : {};
  return ingestTools[tool].split({ raw: Buffer.from(body), body: JSON.parse(body), headers, pathSuffix: null }).map((draft) => ({
    deliveryId: draft.dedupeKey,
    tool,
    dedupeKey: draft.dedupeKey,
    eventKind: draft.eventKind,
    receivedAt: '2026-06-01T00:00:00.000Z',
    headers,
    payload: draft.payload,
  }));
}

describe('the generated webhook workload', () => {
  it('has the requested size, unique labels and unique dedupe keys', () => {
    const keys = workload.deliveries.flatMap((planned) => asDelivered(planned.tool, planned.body, planned.invoiceNinjaEvent).map((delivery) => delivery.dedupeKey));
    expect(workload.deliveries).toHaveLength(1_000);
    expect(new Set(workload.deliveries.map((planned) => planned.label)).size).toBe(1_000);
    expect(new Set(keys).size).toBe(1_000);
  });

  it('is translated by the product into commands or deliberate ignores, never unmapped or invalid', () => {
    const outcomes = new Map<string, number>();
    for (const planned of workload.deliveries) {
      for (const delivery of asDelivered(planned.tool, planned.body, planned.invoiceNinjaEvent)) {
        const translation = ingestTools.translators[planned.tool](delivery, identities);
        const outcome = translation.outcome === 'commands' || translation.outcome === 'ignored' ? translation.outcome : `${translation.outcome}: ${planned.label}: ${JSON.stringify(translation)}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    expect([...outcomes.keys()].sort()).toEqual(['commands', 'ignored']);
  });

  it('is the same for the same seed', () => {
    expect(webhookWorkload(1_000, 8)).toEqual(workload);
  });
});
