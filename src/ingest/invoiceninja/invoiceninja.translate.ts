import type { Delivery, IdentityLookup, TranslatedCommand, Translation } from '../delivery';
import { Fields } from '../mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../mapping/translation.results';
import { invoiceCommands } from './invoiceninja-invoice.mapping';
import { paymentCommands } from './invoiceninja-payment.mapping';
import { taskCommands } from './invoiceninja-task.mapping';

/** Subscription event ids (app/Models/Webhook.php) for receivers that pass the id instead of the name. */
const eventNames: Readonly<Record<string, string>> = {
  '1': 'create_client',
  '2': 'create_invoice',
  '4': 'create_payment',
  '8': 'update_invoice',
  '10': 'update_client',
  '18': 'create_task',
  '19': 'update_task',
  '22': 'late_invoice',
  '24': 'remind_invoice',
  '25': 'project_create',
  '26': 'project_update',
  '31': 'update_payment',
  '60': 'sent_invoice',
};

/** The body names no event, so the receiver's `eventKind` (URL or custom header) decides. */
export function invoiceNinjaEvent(delivery: Delivery): string {
  const kind = (delivery.eventKind || delivery.headers['x-in-event'] || '').trim().split(/\s/)[0]!.split(/[./]/).at(-1)!.toLowerCase();
  return eventNames[kind] ?? kind;
}

const notUsed: Readonly<Record<string, string>> = {
  create_invoice: 'drafts are not issued invoices; sent_invoice issues them',
  late_invoice: 'overdue is computed from the due date',
  remind_invoice: 'reminders are not tracked',
  create_client: 'clients are onboarded in Zixly (tier and industry are commercial facts) and linked through identities',
  update_client: 'clients are onboarded in Zixly and linked through identities',
  project_create: 'projects are started in Zixly (tier and budget amount are commercial facts) with id invoiceninja:<project id>',
  create_project: 'projects are started in Zixly (tier and budget amount are commercial facts) with id invoiceninja:<project id>',
  project_update: 'project changes are made in Zixly',
};

/** Invoices issue (and void), payments pay each invoice they are applied to, task time logs log hours. */
export function translateInvoiceNinja(delivery: Delivery, identities: IdentityLookup): Translation {
  const event = invoiceNinjaEvent(delivery);
  return translateWith(() => {
    const body = Fields.of(delivery.payload);
    switch (event) {
      case 'sent_invoice':
      case 'update_invoice':
        return outcome(invoiceCommands(body, body.optionalObject('client'), identities));
      case 'create_payment':
      case 'update_payment':
        return outcome(paymentCommands(body, identities));
      case 'create_task':
      case 'update_task':
        return outcome(taskCommands(body));
      default:
        return ignored(`invoiceninja ${event || 'event without a name'}: ${notUsed[event] ?? 'not used'}`);
    }
  });
}

function outcome(result: TranslatedCommand[] | string): Translation {
  return typeof result === 'string' ? ignored(result) : commandsOf(result);
}
