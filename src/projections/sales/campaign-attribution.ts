import type { ClientDocument } from '../financial';
import { documentsByIds, findEvery } from '../shared/documents';
import type { KpiContext } from '../shared/kpi';
import type { LeadDocument } from './leads.projection';

export interface CampaignClients {
  /** The clients each campaign won, each client under one campaign only. */
  readonly byCampaign: ReadonlyMap<string, ClientDocument[]>;
  /** Every document read, for the KPI's freshness. */
  readonly documents: ReadonlyArray<ClientDocument | LeadDocument>;
}

/**
 * Which campaign won each client, following the facts: a client won from a lead (the lead's
 * `LeadWon.clientId`, or the client's `sourceLeadId`) belongs to the campaign the lead came from;
 * `onboardClient.sourceCampaignId` counts only for a client no lead with a campaign links. When the
 * two disagree, the lead's campaign wins: it is what marketing recorded when the lead arrived, while
 * the onboarding field is typed in later by whoever onboards.
 */
export async function clientsWonByCampaign(context: KpiContext, campaignIds: readonly string[], currency: string): Promise<CampaignClients> {
  const [leadsOfCampaigns, onboardedFrom] = await Promise.all([
    findEvery<LeadDocument>(context.reads, 'leads', { campaignId: { $in: campaignIds }, clientId: { $ne: null } }),
    findEvery<ClientDocument>(context.reads, 'clients', { sourceCampaignId: { $in: campaignIds }, currency }),
  ]);
  // The leads named by onboarding too, whatever their campaign: one of another campaign takes the client away.
  const namedLeads = await documentsByIds<LeadDocument>(context.reads, 'leads', onboardedFrom.flatMap((client) => (client.sourceLeadId ? [client.sourceLeadId] : [])));
  const leads = new Map([...leadsOfCampaigns, ...namedLeads.values()].map((lead) => [lead.leadId, lead]));
  const wonFromLeads = await documentsByIds<ClientDocument>(context.reads, 'clients', [...leads.values()].flatMap((lead) => (lead.clientId ? [lead.clientId] : [])));
  const clients = new Map([...onboardedFrom, ...wonFromLeads.values()].filter((client) => client.currency === currency).map((client) => [client.clientId, client]));
  const leadCampaignOf = new Map<string, string>();
  for (const lead of leads.values()) if (lead.campaignId && lead.clientId) leadCampaignOf.set(lead.clientId, lead.campaignId);
  const byCampaign = new Map<string, ClientDocument[]>();
  for (const client of clients.values()) {
    const fromLead = (client.sourceLeadId ? leads.get(client.sourceLeadId)?.campaignId : null) ?? leadCampaignOf.get(client.clientId) ?? null;
    const campaignId = fromLead ?? client.sourceCampaignId;
    if (campaignId && campaignIds.includes(campaignId)) byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), client]);
  }
  return { byCampaign, documents: [...clients.values(), ...leads.values()] };
}
