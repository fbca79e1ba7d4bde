import { Field, ID, InterfaceType } from 'type-graphql';
import { decodeGlobalId, localIdFor, toGlobalId } from './global-id';

/** Every type that implements Node; a global id naming another type is BAD_USER_INPUT. */
export const nodeTypeNames = [
  'ApiKey',
  'Campaign',
  'Client',
  'ClientIdentity',
  'Consultant',
  'Event',
  'Expense',
  'Invoice',
  'Lead',
  'ParkedDelivery',
  'Payment',
  'Project',
  'Ticket',
  'TimeEntry',
  'WorkflowRun',
] as const;

export type NodeTypeName = (typeof nodeTypeNames)[number];

export const nodeTypes: ReadonlySet<string> = new Set(nodeTypeNames);

/** The runtime tag `node(id)` puts on what it returns, so the interface knows the concrete type. */
export const nodeTypeTag = Symbol('nodeType');

/**
 * Relay's Node: an object refetchable by its opaque global `id` through `node(id)`. The domain id
 * stays on each type under the name the mutations take (`invoiceId`, `clientId`, `eventId`, …).
 */
@InterfaceType('Node', {
  description: 'An object with a global id: refetch it with `node(id)`.',
  resolveType: (value) => (value as { [nodeTypeTag]?: string })[nodeTypeTag],
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, globally unique: base64url of `<Type>:<domain id>`. The domain id is its own field.' })
  id!: string;
}

/** The global id of a Node of `type`. */
export const globalIdOf = (type: NodeTypeName, localId: string): string => toGlobalId(type, localId);

/** The domain id a root look-up (`invoice(id:)`) means: a domain id, or a global id of `type`. */
export const lookupIdOf = (type: NodeTypeName, id: string): string => localIdFor(type, id, nodeTypes);

/** Payments live inside their invoice: the local id names both (ids never contain a space). */
export const paymentLocalId = (invoiceId: string, paymentId: string): string => `${invoiceId} ${paymentId}`;

export function splitPaymentLocalId(localId: string): { invoiceId: string; paymentId: string } | null {
  const [invoiceId, paymentId, ...rest] = localId.split(' ');
  return invoiceId && paymentId && rest.length === 0 ? { invoiceId, paymentId } : null;
}

export { decodeGlobalId };
