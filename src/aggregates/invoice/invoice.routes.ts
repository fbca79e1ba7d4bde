import type { CommandRoutes } from '../command-route';
import type { InvoiceCommand } from './invoice.commands';
import { invoiceDecider, invoiceStream } from './invoice.decider';

const route = { decider: invoiceDecider, streamOf: (command: InvoiceCommand) => invoiceStream(command.data.invoiceId) };

export const invoiceRoutes: CommandRoutes<InvoiceCommand> = {
  IssueInvoice: route,
  RecordPayment: route,
  VoidInvoice: route,
  DeleteInvoice: route,
  RestoreInvoice: route,
  DeletePayment: route,
  RefundPayment: route,
  ApplyCredit: route,
};
