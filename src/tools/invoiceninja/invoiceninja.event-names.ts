/** Invoice Ninja's webhook event ids (app/Models/Webhook.php, 5.10) by name, lower-cased constant names. */
const eventIds: Readonly<Record<number, string>> = {
  1: 'create_client', 2: 'create_invoice', 3: 'create_quote', 4: 'create_payment', 5: 'create_vendor',
  6: 'update_quote', 7: 'delete_quote', 8: 'update_invoice', 9: 'delete_invoice', 10: 'update_client',
  11: 'delete_client', 12: 'delete_payment', 13: 'update_vendor', 14: 'delete_vendor', 15: 'create_expense',
  16: 'update_expense', 17: 'delete_expense', 18: 'create_task', 19: 'update_task', 20: 'delete_task',
  21: 'approve_quote', 22: 'late_invoice', 23: 'expired_quote', 24: 'remind_invoice', 25: 'project_create',
  26: 'project_update', 27: 'create_credit', 28: 'update_credit', 29: 'delete_credit', 30: 'project_delete',
  31: 'update_payment', 32: 'archive_payment', 33: 'archive_invoice', 34: 'archive_quote', 35: 'archive_credit',
  36: 'archive_task', 37: 'archive_client', 38: 'archive_project', 39: 'archive_expense', 40: 'restore_payment',
  41: 'restore_invoice', 42: 'restore_quote', 43: 'restore_credit', 44: 'restore_task', 45: 'restore_client',
  46: 'restore_project', 47: 'restore_expense', 48: 'archive_vendor', 49: 'restore_vendor', 50: 'create_product',
  51: 'update_product', 52: 'delete_product', 53: 'restore_product', 54: 'archive_product', 55: 'create_purchase_order',
  56: 'update_purchase_order', 57: 'delete_purchase_order', 58: 'restore_purchase_order', 59: 'archive_purchase_order',
  60: 'sent_invoice', 61: 'sent_quote', 62: 'sent_credit', 63: 'sent_purchase_order', 64: 'remind_quote',
};

const knownNames: ReadonlySet<string> = new Set(Object.values(eventIds));

/**
 * The event name from what the subscription was configured to send: a name (`create_payment`) or
 * its numeric id (`4`), case-insensitive. Also accepts `create_project` for `project_create`, the
 * spelling the samples use. Null when it is neither.
 */
export function invoiceNinjaEventName(given: string): string | null {
  const value = given.trim().toLowerCase();
  if (/^\d+$/.test(value)) return eventIds[Number(value)] ?? null;
  if (knownNames.has(value)) return value;
  const project = /^(create|update|delete)_project$/.exec(value);
  return project ? `project_${project[1]}` : null;
}
