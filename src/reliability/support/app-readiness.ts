import type { WorkloadClient } from '../workload/workload.types';
import { graphqlData } from './graphql-call';

const onboard = `mutation ($input: OnboardClientInput!) { onboardClient(input: $input, occurredAt: "2026-04-01T00:00:00Z") { status } }`;
const link = `mutation ($input: ClientIdentityInput!) { linkClientIdentity(input: $input, occurredAt: "2026-04-01T00:00:00Z", waitForProjections: true) { status } }`;

/** Onboards the workload's clients and links their Chatwoot contacts and Invoice Ninja clients, as an admin would first. */
export async function linkClients(baseUrl: string, key: string, clients: readonly WorkloadClient[]): Promise<void> {
  for (const client of clients) {
    await graphqlData(baseUrl, key, onboard, { input: { clientId: client.clientId, name: client.name, industry: 'Professional services', tier: 'PROFESSIONAL', contactEmail: `owner@${client.domain}` } });
    await graphqlData(baseUrl, key, link, { input: { clientId: client.clientId, tool: 'CHATWOOT', externalId: client.chatwootContactId } });
    await graphqlData(baseUrl, key, link, { input: { clientId: client.clientId, tool: 'INVOICENINJA', externalId: client.invoiceNinjaClientId } });
  }
}

const progress = `{
  projections(first: 200) { nodes { name state lag { eventsBehind } failure { error } } }
  webhookDeliveries(period: { from: "2000-01-01", to: "2100-01-01" }) { tools { tool received processed ignored parked unprocessed } }
}`;

export interface IngestProgress {
  readonly received: number;
  readonly unprocessed: number;
  readonly parked: number;
  readonly behind: number;
  readonly failedProjections: string[];
}

export async function ingestProgress(baseUrl: string, key: string): Promise<IngestProgress> {
  const data = await graphqlData(baseUrl, key, progress);
  const tools: Array<Record<string, number>> = data.webhookDeliveries.tools;
  const sum = (field: string) => tools.reduce((total, tool) => total + tool[field]!, 0);
  const projections: Array<{ name: string; state: string; lag: { eventsBehind: number } | null }> = data.projections.nodes;
  return {
    received: sum('received'),
    unprocessed: sum('unprocessed'),
    parked: sum('parked'),
    behind: projections.reduce((total, projection) => total + (projection.lag?.eventsBehind ?? 0), 0),
    failedProjections: projections.filter((projection) => projection.state !== 'LIVE').map((projection) => projection.name),
  };
}

/**
 * Polls until no delivery awaits processing and every read model has caught up with the log ("lag
 * returns to zero"), twice in a row. Throws with the last progress on timeout.
 */
export async function waitUntilSettled(baseUrl: () => string, key: string, timeoutMs: number): Promise<IngestProgress> {
  const deadline = Date.now() + timeoutMs;
  let last: IngestProgress | string = 'no answer yet';
  let quietPolls = 0;
  while (Date.now() < deadline) {
    try {
      last = await ingestProgress(baseUrl(), key);
      quietPolls = last.unprocessed === 0 && last.behind === 0 ? quietPolls + 1 : 0;
      if (quietPolls === 2) return last;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not settled within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

export async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

