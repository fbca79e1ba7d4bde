import { withClientFact } from '../client/client-exists.enrich';
import type { CommandRoutes } from '../command-route';
import type { InvoiceCommand } from './invoice.commands';
import { invoiceDecider, invoiceStream } from './invoice.decider';

export const invoiceRoutes: CommandRoutes<InvoiceCommand> = {
  IssueInvoice: { decider: invoiceDecider, streamOf: (command) => invoiceStream(command.data.invoiceId), enrich: withClientFact },
  RecordPayment: { decider: invoiceDecider, streamOf: (command) => invoiceStream(command.data.invoiceId) },
  VoidInvoice: { decider: invoiceDecider, streamOf: (command) => invoiceStream(command.data.invoiceId) },
};
