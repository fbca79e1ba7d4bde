import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ClientsSupportDashboardDocument,
  FinancialDashboardDocument,
  KpiTargetsDocument,
  OperationsDashboardDocument,
  SalesPipelineDashboardDocument,
  ServiceDeliveryDashboardDocument,
} from '../__generated__/operations';
import { buildAppSchema } from '../build-schema';
import { operationWork } from '../hardening/operation-work';
import { defaultQueryLimits, operationLimitErrors } from '../hardening/query-limits';

const documents: Record<string, DocumentNode> = {
  serviceDelivery: ServiceDeliveryDashboardDocument,
  financial: FinancialDashboardDocument,
  clientsSupport: ClientsSupportDashboardDocument,
  salesPipeline: SalesPipelineDashboardDocument,
  operations: OperationsDashboardDocument,
  kpiTargets: KpiTargetsDocument,
};

const operationOf = (document: DocumentNode) => document.definitions[0] as OperationDefinitionNode;
const variables = { period: { from: '2026-03-01', to: '2026-04-01' }, asOf: '2026-04-01T00:00:00Z' };

/** Every dashboard operation as one request (the variables are the same; KpiTargets declares them all). */
function everyDashboardAtOnce(): DocumentNode {
  const operation = operationOf(KpiTargetsDocument);
  const selections = Object.values(documents).flatMap((document) => operationOf(document).selectionSet.selections);
  return { kind: 'Document' as never, definitions: [{ ...operation, name: undefined, selectionSet: { ...operation.selectionSet, selections } }] } as DocumentNode;
}

function complexityOf(schema: GraphQLSchema, document: DocumentNode): number {
  return getComplexity({ schema, query: document, variables, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
}

describe('dashboard operations against the query complexity limit', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it.each(Object.keys(documents))('lets the whole %s dashboard as of an instant through', (name) => {
    const document = documents[name]!;
    expect(operationLimitErrors(schema, document, operationOf(document), variables, defaultQueryLimits)).toEqual([]);
    expect(complexityOf(schema, document)).toBeLessThan(defaultQueryLimits.maxComplexity / 4);
  });

  it('lets every dashboard at once through, each as of an instant', () => {
    const document = everyDashboardAtOnce();
    expect(operationLimitErrors(schema, document, operationOf(document), variables, defaultQueryLimits)).toEqual([]);
  });

  it('costs an as-of dashboard more than the live one (the replay, priced by the operation work)', () => {
    const operation = operationOf(FinancialDashboardDocument);
    const live = operationWork(schema, FinancialDashboardDocument, operation, { period: variables.period });
    const asOf = operationWork(schema, FinancialDashboardDocument, operation, variables);
    expect(asOf.cost).toBeGreaterThan(live.cost);
  });
});
