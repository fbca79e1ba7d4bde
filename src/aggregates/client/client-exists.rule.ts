import { ensure } from '../shared/rules';
import type { ClientFact } from './client-exists.enrich';

/**
 * Invoices, payments (through their invoice) and tickets only for clients that exist. `undefined`
 * means the command did not come through its route (a decider used on its own, as in unit specs).
 */
export function ensureClientExists(client: ClientFact | undefined, clientId: string): void {
  ensure(client !== null, 'client.unknown', `No client ${clientId} was onboarded`, { field: 'clientId' });
}
