import { addDays, businessDate } from '../../core/business-time';
import { shortTag } from '../engine/run-ids';
import type { RunContext } from '../engine/workflow';
import type { ClientFacts } from '../shared/client-facts';
import { clientFolder, clientFolderTree } from '../shared/client-folders';
import type { PackageTemplate } from './onboarding.templates';

/** `Clients/<name>/{Contracts,Proposals,Deliverables,Reports}`, each folder created only if missing. */
export async function createClientFolders(context: RunContext, client: ClientFacts): Promise<void> {
  await context.step('nextcloud.folders', 'nextcloud', async (nextcloud) => {
    const created: string[] = [];
    for (const folder of clientFolderTree(client.name)) {
      if ((await nextcloud.ensureFolder(folder)) === 'created') created.push(folder);
    }
    const root = clientFolder(client.name);
    return { externalId: root, result: { path: root, url: nextcloud.folderUrl(root), created } };
  });
}

/** The contact is found by email before it is created; the welcome email by its stats row. */
export async function welcomeInMautic(context: RunContext, client: ClientFacts): Promise<void> {
  const email = client.contactEmail;
  if (email === null) return context.skip('mautic.contact', `client ${client.clientId} has no contact email`);
  const contact = await context.step('mautic.contact', 'mautic', async (mautic) => {
    const { contact, created } = await mautic.ensureContact({ email, company: client.name, tags: ['client', client.tier.toLowerCase()] });
    return { externalId: String(contact.id), result: { email, created } };
  });
  if (!contact) return;
  const emailId = context.deps.config.tools.mautic?.welcomeEmailId ?? null;
  if (emailId === null) return context.skip('mautic.welcome-email', 'MAUTIC_WELCOME_EMAIL_ID is not set');
  await context.step('mautic.welcome-email', 'mautic', async (mautic) => {
    const status = await mautic.ensureEmailSent(emailId, Number(contact.externalId));
    return { externalId: null, result: { emailId, status } };
  });
}

/**
 * The client and its setup invoice in Invoice Ninja, emailed to the client. The invoice comes
 * back as InvoiceIssued through the Invoice Ninja webhook (sent_invoice): it is not recorded here.
 */
export async function billSetup(context: RunContext, client: ClientFacts, template: PackageTemplate, onboardedAt: string): Promise<void> {
  const customer = await context.step('invoiceninja.client', 'invoiceninja', async (ninja, key) => {
    const { client: record, created } = await ninja.ensureClient({ name: client.name, idNumber: key, contactEmail: client.contactEmail });
    return { externalId: record.id, result: { created } };
  });
  if (!customer?.externalId) return;
  const date = businessDate(onboardedAt, context.deps.kpi.timeZone);
  const invoice = await context.step('invoiceninja.setup-invoice', 'invoiceninja', async (ninja, key) => {
    const number = `ZX-SETUP-${shortTag(key, 8)}`;
    const line = { productKey: `${template.packageName} setup`, notes: `${template.packageName} package setup for ${client.name}`, cost: template.setupFeeCents / 100, quantity: 1 };
    const { invoice, created } = await ninja.ensureInvoice({ clientId: customer.externalId!, number, date, dueDate: addDays(date, template.paymentTermsDays), lines: [line] });
    return { externalId: invoice.id, result: { number, amountCents: template.setupFeeCents, created } };
  });
  if (!invoice) return;
  if (client.contactEmail === null) return context.skip('invoiceninja.email-invoice', `client ${client.clientId} has no contact email`);
  await context.step('invoiceninja.email-invoice', 'invoiceninja', async (ninja) => {
    const { emailed } = await ninja.ensureInvoiceEmailed(String(invoice.result.number));
    return { externalId: invoice.externalId, result: { emailed } };
  });
}
