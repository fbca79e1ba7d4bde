/** Event data of the shape their types declare, for import and export specs. */
export const invoiceIssued = (invoiceId: string) => ({
  invoiceId,
  clientId: '1',
  projectId: null,
  number: `INV-${invoiceId}`,
  amountCents: 12_345,
  currency: 'AUD',
  issuedOn: '2026-02-03',
  dueOn: '2026-03-03',
  kind: 'ONE_OFF',
});

export const clientOnboarded = (clientId: string, name = `Client ${clientId}`) => ({
  clientId,
  name,
  tier: 'STARTER',
  industry: 'retail',
  sourceLeadId: null,
  sourceCampaignId: null,
  contactEmail: null,
  currency: 'AUD',
});
