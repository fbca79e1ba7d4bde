import type { FakeTools } from '../../testing/workflows/fake-tools';

export interface ObjectAudit {
  /** Objects each tool holds, by kind. */
  readonly created: Record<string, number>;
  /** Objects created (or sent) more than once: the extra copies, by kind. */
  readonly duplicated: Record<string, number>;
  /** Objects a client or ticket should have and does not, by kind. */
  readonly missing: Record<string, number>;
}

function extras(keys: readonly string[]): number {
  return keys.length - new Set(keys).size;
}

/**
 * What the fake tools hold after the runs: one Plane project and one Mautic contact, welcome
 * e-mail, Invoice Ninja client, setup invoice and invoice e-mail per client; one Plane work item
 * per deliverable and per ticket; one Slack post per ticket; each client's folders.
 */
export function auditToolObjects(tools: FakeTools, clients: ReadonlyArray<{ name: string; email: string }>, tickets: readonly string[]): ObjectAudit {
  const kinds: Record<string, { keys: string[]; expected: number }> = {
    'plane project': { keys: tools.plane.projects.map((project) => String(project.external_id)), expected: clients.length },
    'plane work item': { keys: tools.plane.workItems.map((item) => `${item.project} ${item.external_id}`), expected: -1 },
    'mautic contact': { keys: tools.mautic.contacts.map((contact) => String(contact.email)), expected: clients.length },
    'mautic welcome e-mail': { keys: tools.mautic.emailStats.map((stat) => `${stat.emailId} ${stat.leadId}`), expected: clients.length },
    'invoice ninja client': { keys: tools.invoiceNinja.clients.map((client) => client.id_number), expected: clients.length },
    'invoice ninja invoice': { keys: tools.invoiceNinja.invoices.map((invoice) => String(invoice.number)), expected: clients.length },
    'invoice ninja e-mail': { keys: tools.invoiceNinja.emailed, expected: clients.length },
    'slack post': { keys: tools.slack.messages.map((message) => tickets.find((subject) => message.text.includes(subject)) ?? message.text), expected: tickets.length },
  };
  const folders = new Set(tools.nextcloud.folders());
  const missingFolders = clients.filter((client) => !folders.has(`Clients/${client.name}/Reports`)).length;
  const ticketItems = tickets.filter((subject) => !tools.plane.workItems.some((item) => item.name.includes(subject))).length;
  return {
    created: Object.fromEntries(Object.entries(kinds).map(([kind, { keys }]) => [kind, keys.length])),
    duplicated: Object.fromEntries(Object.entries(kinds).map(([kind, { keys }]) => [kind, extras(keys)])),
    missing: {
      ...Object.fromEntries(Object.entries(kinds).filter(([, { expected }]) => expected >= 0).map(([kind, { keys, expected }]) => [kind, Math.max(0, expected - new Set(keys).size)])),
      'nextcloud folders': missingFolders,
      'plane work item (ticket)': ticketItems,
    },
  };
}

export const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
