/**
 * Why each Invoice Ninja 5 webhook event (app/Models/Webhook.php, 5.10) that changes no figure is
 * ignored: the reason is recorded on the delivery for operators. The translated ones are
 * sent/update/delete/restore_invoice, create/update/delete_payment and create/update_task.
 */
const archived = 'archiving only hides a record from Invoice Ninja lists; what it recorded still stands';
const quote = 'quotes are offers, not revenue; the invoice made from an accepted quote is what counts';
const vendor = 'vendors are suppliers; Zixly records costs as expenses entered in Zixly';
const expense = 'expenses are recorded in Zixly (recordExpense) with their category and campaign';
const product = 'the product catalogue carries no business fact';
const purchaseOrder = 'purchase orders are commitments to suppliers, not costs incurred';
const credit = 'a credit counts when it pays an invoice (a payment applying it: create_payment/update_payment)';
const client = 'clients are onboarded in Zixly (tier and industry are commercial facts) and linked through identities';
const project = 'projects are started in Zixly (tier and budget amount are commercial facts) with id invoiceninja:<project id>';

export const invoiceNinjaIgnored: Readonly<Record<string, string>> = {
  create_client: client,
  update_client: client,
  delete_client: client,
  archive_client: archived,
  restore_client: archived,
  create_invoice: 'drafts are not issued invoices; sent_invoice issues them',
  archive_invoice: archived,
  late_invoice: 'overdue is computed from the due date',
  remind_invoice: 'reminders are not tracked',
  archive_payment: archived,
  restore_payment: 'Invoice Ninja restores only archived payments (PaymentRepository::restore refuses deleted ones): nothing changed',
  create_quote: quote,
  update_quote: quote,
  delete_quote: quote,
  approve_quote: quote,
  expired_quote: quote,
  archive_quote: quote,
  restore_quote: quote,
  sent_quote: quote,
  remind_quote: quote,
  create_vendor: vendor,
  update_vendor: vendor,
  delete_vendor: vendor,
  archive_vendor: vendor,
  restore_vendor: vendor,
  create_expense: expense,
  update_expense: expense,
  delete_expense: expense,
  archive_expense: expense,
  restore_expense: expense,
  delete_task: 'not taken back automatically (rows Zixly never logged would be refused): delete its time entries in Zixly with deleteTimeEntry',
  archive_task: archived,
  restore_task: archived,
  project_create: project,
  project_update: project,
  project_delete: project,
  archive_project: archived,
  restore_project: archived,
  create_credit: credit,
  update_credit: credit,
  delete_credit: credit,
  archive_credit: credit,
  restore_credit: credit,
  sent_credit: credit,
  create_product: product,
  update_product: product,
  delete_product: product,
  restore_product: product,
  archive_product: product,
  create_purchase_order: purchaseOrder,
  update_purchase_order: purchaseOrder,
  delete_purchase_order: purchaseOrder,
  restore_purchase_order: purchaseOrder,
  archive_purchase_order: purchaseOrder,
  sent_purchase_order: purchaseOrder,
};
