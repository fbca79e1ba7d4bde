import type { Delivery, IdentityLookup, TranslatedCommand, Translation } from '../../ingest/delivery';
import { Fields } from '../shared/mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../shared/mapping/translation.results';
import { invoiceNinjaEventName } from './invoiceninja.event-names';
import { invoiceNinjaIgnored } from './invoiceninja.ignored-events';
import { deleteInvoice, invoiceCommands, invoiceNinjaId, restoreInvoice } from './invoiceninja-invoice.mapping';
import { deletePaymentCommands, paymentCommands } from './invoiceninja-payment.mapping';
import { taskCommands } from './invoiceninja-task.mapping';

/** The body names no event, so the receiver's `eventKind` (URL or custom header) decides: a name or its numeric id. */
export function invoiceNinjaEvent(delivery: Delivery): string {
  const kind = (delivery.eventKind || delivery.headers['x-in-event'] || '').trim().split(/\s/)[0]!.split(/[./]/).at(-1)!.toLowerCase();
  return invoiceNinjaEventName(kind) ?? kind;
}

/** The payments a delivery names whose invoices only Zixly still knows (a deleted payment's). */
export function invoiceNinjaPaymentsNamed(delivery: Delivery): string[] {
  if (delivery.tool !== 'invoiceninja' || invoiceNinjaEvent(delivery) !== 'delete_payment') return [];
  const id = Fields.of(delivery.payload).optionalString('id');
  return id ? [invoiceNinjaId(id)] : [];
}

/**
 * Invoices issue, void, delete and come back; payments pay, are refunded, pay with credits and are
 * deleted; task time logs log hours. Every other event of Invoice Ninja 5 is ignored with its reason.
 */
export function translateInvoiceNinja(delivery: Delivery, identities: IdentityLookup): Translation {
  const event = invoiceNinjaEvent(delivery);
  return translateWith(() => {
    const body = Fields.of(delivery.payload);
    switch (event) {
      case 'sent_invoice':
      case 'update_invoice':
        return outcome(invoiceCommands(body, body.optionalObject('client'), identities));
      case 'delete_invoice':
        return commandsOf([deleteInvoice(body)]);
      case 'restore_invoice':
        return commandsOf([restoreInvoice(body)]);
      case 'create_payment':
      case 'update_payment':
        return outcome(paymentCommands(body, identities));
      case 'delete_payment':
        return deletedPayment(body, identities);
      case 'create_task':
      case 'update_task':
        return outcome(taskCommands(body));
      default:
        return ignored(`invoiceninja ${event || 'event without a name'}: ${invoiceNinjaIgnored[event] ?? 'not an Invoice Ninja 5 webhook event'}`);
    }
  });
}

function deletedPayment(body: Fields, identities: IdentityLookup): Translation {
  const commands = deletePaymentCommands(body, identities);
  return commands === null ? ignored('invoiceninja delete_payment: the payment was never recorded on an invoice in Zixly') : commandsOf(commands);
}

function outcome(result: TranslatedCommand[] | string): Translation {
  return typeof result === 'string' ? ignored(result) : commandsOf(result);
}
