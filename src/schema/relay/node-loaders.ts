import { clientIdentitiesCollection, type ClientIdentityDocument } from '../../projections/identity/client-identities.projection';
import { webhookDeliveriesCollection } from '../../ingest/inbox/parked-deliveries.service';
import type { WebhookDeliveryDocument } from '../../projections/operations/webhook-deliveries.projection';
import { toApiKey } from '../auth/api-key.type';
import type { GraphQLContext, Role } from '../context';
import { CampaignResolver } from '../entities/campaign.resolver';
import { ClientResolver } from '../entities/client.resolver';
import { ConsultantResolver } from '../entities/consultant.resolver';
import { ExpenseResolver } from '../entities/expense.resolver';
import { InvoiceResolver } from '../entities/invoice.resolver';
import { LeadResolver } from '../entities/lead.resolver';
import { ProjectResolver } from '../entities/project.resolver';
import { TicketResolver } from '../entities/ticket.resolver';
import { TimeEntryResolver } from '../entities/time-entry.resolver';
import { EventsResolver } from '../events/events.resolver';
import { toClientIdentity } from '../identity/client-identity.type';
import { toParkedDelivery } from '../ingest/webhook-delivery.type';
import { readWorkflowRun } from '../workflows/workflow-runs.resolver';
import { type NodeTypeName, splitPaymentLocalId } from './node.interface';

/**
 * How `node(id)` finds each type, and the role it takes: the role of the type's own queries, and
 * the same look-up they make (platform events answer null below ADMIN, as `event(id)` does).
 */
export interface NodeLoader {
  readonly role: Role;
  load(context: GraphQLContext, localId: string): Promise<object | null>;
}

const viewer = (load: NodeLoader['load']): NodeLoader => ({ role: 'VIEWER', load });

async function readDocument<D>(context: GraphQLContext, collection: string, id: string): Promise<D | null> {
  const found = await context.services.readStore.getMany(collection, [id]);
  return (found.get(id)?.document as D | undefined) ?? null;
}

export const nodeLoaders: Readonly<Record<NodeTypeName, NodeLoader>> = {
  Client: viewer((context, id) => new ClientResolver().client(id, context)),
  Consultant: viewer((context, id) => new ConsultantResolver().consultant(id, context)),
  Project: viewer((context, id) => new ProjectResolver().project(id, context)),
  TimeEntry: viewer((context, id) => new TimeEntryResolver().timeEntry(id, context)),
  Invoice: viewer((context, id) => new InvoiceResolver().invoice(id, context)),
  Payment: viewer(async (context, id) => {
    const parts = splitPaymentLocalId(id);
    const invoice = parts && (await new InvoiceResolver().invoice(parts.invoiceId, context));
    return invoice?.paymentLines.find((payment) => payment.paymentId === parts!.paymentId) ?? null;
  }),
  Expense: viewer((context, id) => new ExpenseResolver().expense(id, context)),
  Ticket: viewer((context, id) => new TicketResolver().ticket(id, context)),
  Lead: viewer((context, id) => new LeadResolver().lead(id, context)),
  Campaign: viewer((context, id) => new CampaignResolver().campaign(id, context)),
  Event: viewer((context, id) => new EventsResolver().event(id, context)),
  WorkflowRun: viewer((context, id) => readWorkflowRun(context, id)),
  ClientIdentity: viewer(async (context, id) => {
    const document = await readDocument<ClientIdentityDocument>(context, clientIdentitiesCollection, id);
    return document && toClientIdentity(document);
  }),
  ApiKey: {
    role: 'ADMIN',
    load: async (context, id) => {
      const key = context.platform.apiKeys.list().find((candidate) => candidate.keyId === id);
      return key ? toApiKey(key) : null;
    },
  },
  ParkedDelivery: {
    role: 'ADMIN',
    load: async (context, id) => {
      const document = await readDocument<WebhookDeliveryDocument>(context, webhookDeliveriesCollection, id);
      return document?.kind === 'delivery' && document.status === 'parked' ? toParkedDelivery(document) : null;
    },
  },
};
