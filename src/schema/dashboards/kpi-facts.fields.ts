import { resolvePeriod } from '../../core/business-time';
import { ValidationError } from '../../core/errors';
import { kpiFacts, type KpiFact as KpiFactDocument } from '../../projections/provenance/kpi-facts.queries';
import { toGlobalId } from '../relay/global-id';
import { nodeTypes, paymentLocalId } from '../relay/node.interface';
import { pageSizeOf } from '../shared/connection';
import type { GraphQLContext } from '../context';
import type { KpiFact, KpiFactConnection, KpiFactsArgs } from './kpi-facts.type';

const cursorOf = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function idOf(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || cursorOf(id) !== cursor) throw new ValidationError('page.invalid_cursor', 'The cursor is malformed', { field: 'after' });
  return id;
}

/** The global id of the fact's entity when it is a Node; a payment's names its invoice, whose stream holds it. */
function nodeIdOf(fact: KpiFactDocument): string | null {
  if (fact.entity === 'Payment') return fact.stream.startsWith('Invoice-') ? toGlobalId('Payment', paymentLocalId(fact.stream.slice('Invoice-'.length), fact.id)) : null;
  return nodeTypes.has(fact.entity) ? toGlobalId(fact.entity, fact.id) : null;
}

function toKpiFact(fact: KpiFactDocument): KpiFact {
  const { id, ...rest } = fact;
  return { ...rest, entityId: id, nodeId: nodeIdOf(fact) };
}

/** The drill-down of a KPI as a Relay connection: each edge's cursor resumes after its fact. */
export async function kpiFactsConnection(context: GraphQLContext, args: KpiFactsArgs): Promise<KpiFactConnection> {
  const kpi = context.services.kpi;
  resolvePeriod(args.period, kpi.timeZone);
  const page = await kpiFacts(kpi, args.kpi, args.period, { first: pageSizeOf(args), after: args.after ? idOf(args.after) : null });
  const edges = page.facts.map(({ key, fact }) => ({ cursor: cursorOf(key), node: toKpiFact(fact) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    combination: page.combination,
    position: page.position,
  };
}
