import type { StateReader } from '../command-route';
import { clientDecider, clientStream } from './client.decider';

/** Set by a route's `enrich` from the client's stream: null when no such client was onboarded. */
export type ClientFact = { readonly clientId: string; readonly status: 'active' | 'offboarded' } | null;

/**
 * Reads whether the command's client exists, as of the read (an onboarding a moment later does not
 * undo a refusal; the caller retries). Offboarded clients still exist: a final invoice is normal.
 */
export async function clientFactOf(read: StateReader, clientId: string): Promise<ClientFact> {
  const state = await read(clientDecider, clientStream(clientId));
  return state.status === 'none' ? null : { clientId: state.clientId, status: state.status };
}

/** The route's enrich for a command that names a client in `data.clientId`. */
export async function withClientFact<C extends { data: { clientId: string; client?: ClientFact } }>(command: C, read: StateReader): Promise<C> {
  return { ...command, data: { ...command.data, client: await clientFactOf(read, command.data.clientId) } };
}
