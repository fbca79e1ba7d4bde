import { clientStream } from '../../aggregates/client/client.decider';
import type { ClientEvent, ClientOnboarded, ClientTier } from '../../aggregates/client/client.events';
import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';

/** What workflows need to know about a client, read from its stream (never from a lagging read model). */
export interface ClientFacts {
  readonly clientId: string;
  readonly name: string;
  readonly tier: ClientTier;
  readonly contactEmail: string | null;
  /** The ClientOnboarded event: the onboarding run (and what it created) is derived from its id. */
  readonly onboardedEventId: string;
  /** Where ClientOnboarded is in the log: whether the onboarding workflow has passed it yet. */
  readonly onboardedPosition: bigint;
}

export function factsFromOnboarding(event: RecordedEvent<ClientOnboarded>): ClientFacts {
  const { clientId, name, tier, contactEmail } = event.data;
  return { clientId, name, tier, contactEmail, onboardedEventId: event.id, onboardedPosition: event.position };
}

export async function readClientFacts(store: EventStore, clientId: string): Promise<ClientFacts | null> {
  let facts: ClientFacts | null = null;
  for await (const event of store.readStream<ClientEvent>(clientStream(clientId))) facts = applyFact(facts, event);
  return facts;
}

function applyFact(facts: ClientFacts | null, event: RecordedEvent<ClientEvent>): ClientFacts | null {
  if (event.type === 'ClientOnboarded') return factsFromOnboarding(event as RecordedEvent<ClientOnboarded>);
  if (event.type === 'ClientTierChanged' && facts !== null) return { ...facts, tier: (event.data as { to: ClientTier }).to };
  return facts;
}
