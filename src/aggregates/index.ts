import type { InvoiceCommand } from './invoice/invoice.commands';
import type { InvoiceEvent } from './invoice/invoice.events';
import { invoiceRoutes } from './invoice/invoice.routes';

/** Every command the business accepts, and every event it records. */
export type BusinessCommand = InvoiceCommand;
export type BusinessEvent = InvoiceEvent;

export const commandRoutes = {
  ...invoiceRoutes,
};
