import { CampaignResolver } from './campaign.resolver';
import { ClientResolver } from './client.resolver';
import { ConsultantResolver } from './consultant.resolver';
import { ExpenseResolver } from './expense.resolver';
import { InvoiceResolver } from './invoice.resolver';
import { LeadResolver } from './lead.resolver';
import { ProjectResolver } from './project.resolver';
import { TicketResolver } from './ticket.resolver';
import { TimeEntryResolver } from './time-entry.resolver';

/** Read-model entities: a connection, a lookup by id and the event history of each. */
export const entityResolvers: Function[] = [
  ClientResolver,
  ConsultantResolver,
  ProjectResolver,
  TimeEntryResolver,
  InvoiceResolver,
  ExpenseResolver,
  TicketResolver,
  LeadResolver,
  CampaignResolver,
];
