import { type DocumentNode, type FieldNode, type FragmentDefinitionNode, getArgumentValues, type GraphQLSchema, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { needsScan } from '../events/event-criteria';

/**
 * What the work behind a root field costs, in complexity points, beyond its fields' own prices.
 * Fields are priced by the estimator; what they cause is priced here, once per distinct key, since
 * repeating a key (the same period, the same instant) is answered from one computation:
 * - a distinct `asOf` instant replays the log (up to AS_OF_MAX_EVENTS events) into a scratch store;
 * - each distinct dashboard period after the first misses the KPI cache and reads the read models again;
 * - an `events` page whose filter the store cannot apply scans up to 10,000 events.
 */
export const workPrices = { asOfInstant: 2_000, extraPeriod: 500, scanningEventsPage: 1_000 } as const;

export interface OperationWork {
  readonly asOfInstants: number;
  readonly periods: number;
  readonly scanningPages: number;
  readonly cost: number;
}

/** Root fields visited at most; a larger operation is refused by the complexity estimate first. */
const maxRootFields = 10_000;

/** Root fields of a query with their argument values (fragments and inline fragments expanded). */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of set.selections) {
      if (fields.length >= maxRootFields) return;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields;
}

const keyOf = (value: unknown): string => (value instanceof Date ? value.toISOString() : JSON.stringify(value));

export function operationWork(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationWork {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : null;
  const instants = new Set<string>();
  const periods = new Set<string>();
  let scanningPages = 0;
  for (const node of root ? rootFields(document, operation) : []) {
    const definition = root!.getFields()[node.name.value];
    if (!definition) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, variables);
    } catch {
      continue; // execution reports arguments that do not coerce as BAD_USER_INPUT
    }
    if (args.asOf !== undefined && args.asOf !== null) instants.add(keyOf(args.asOf));
    if (args.period !== undefined && args.period !== null) periods.add(`${keyOf(args.period)}|${keyOf(args.asOf ?? null)}`);
    if (node.name.value === 'events' && args.filter && needsScan(args.filter as Parameters<typeof needsScan>[0])) scanningPages++;
  }
  const cost =
    instants.size * workPrices.asOfInstant + Math.max(0, periods.size - 1) * workPrices.extraPeriod + scanningPages * workPrices.scanningEventsPage;
  return { asOfInstants: instants.size, periods: periods.size, scanningPages, cost };
}
