import { SeededRandom } from '../../demo/seeded-random';
import { chatwootConversationUnit } from './chatwoot-conversation.variants';
import { unixSeconds } from './fixture-payloads';
import { ignoredNoiseUnit } from './ignored-noise.variants';
import { invoiceNinjaInvoiceUnit } from './invoiceninja-invoice.variants';
import { mauticLeadUnit } from './mautic-lead.variants';
import type { ExpectedFact, PlannedDelivery, WebhookWorkload, WorkloadClient, WorkloadUnit } from './workload.types';

const start = unixSeconds('2026-05-04T08:00:00Z');
const clientCount = 8;
const maxUnitSize = 4;

/** Clients linked in Zixly before any delivery: by Chatwoot contact id and Invoice Ninja client hashid. */
export function workloadClients(): WorkloadClient[] {
  return Array.from({ length: clientCount }, (_, index) => ({
    clientId: `client-rel-${index + 1}`,
    name: `Reliability Client ${index + 1}`,
    domain: `client${index + 1}.example`,
    chatwootContactId: String(700 + index),
    invoiceNinjaClientId: `cli${String(index + 1).padStart(7, '0')}`,
  }));
}

type UnitKind = 'conversation' | 'invoice' | 'lead' | 'noise';
const mix: ReadonlyArray<readonly [UnitKind, number]> = [['conversation', 0.4], ['invoice', 0.25], ['lead', 0.25], ['noise', 0.1]];

function kindOf(random: SeededRandom): UnitKind {
  let roll = random.next();
  for (const [kind, share] of mix) if ((roll -= share) < 0) return kind;
  return 'noise';
}

/**
 * `size` deliveries from Chatwoot, Invoice Ninja, Mautic, Nextcloud and Plane, generated from the
 * shared samples with unique ids, and the facts they must give. Same seed, same workload. Workloads
 * generated with `offset`s `size` apart have no id in common (a long run generates batch by batch).
 */
export function webhookWorkload(size: number, seed: number, offset = 0): WebhookWorkload {
  const random = new SeededRandom(seed);
  const clients = workloadClients();
  const counters: Record<UnitKind, number> = { conversation: offset, invoice: offset, lead: offset, noise: offset };
  const deliveries: PlannedDelivery[] = [];
  const facts: ExpectedFact[] = [];
  while (deliveries.length < size) {
    // Noise is one delivery a unit: it fills the last places exactly, so no story is cut short.
    const kind = size - deliveries.length < maxUnitSize ? 'noise' : kindOf(random);
    const unit = unitOf(kind, counters[kind]++, random.pick(clients), random);
    deliveries.push(...unit.deliveries);
    facts.push(...unit.facts);
  }
  return { clients, deliveries, facts };
}

function unitOf(kind: UnitKind, index: number, client: WorkloadClient, random: SeededRandom): WorkloadUnit {
  switch (kind) {
    case 'conversation':
      return chatwootConversationUnit(index, client, random, start);
    case 'invoice':
      return invoiceNinjaInvoiceUnit(index, client, random, start);
    case 'lead':
      return mauticLeadUnit(index, random, start);
    case 'noise':
      return ignoredNoiseUnit(index, random, start);
  }
}
