import type { Fields } from '../shared/mapping/payload.reader';
import { payloadInvalid } from '../shared/mapping/payload.reader';
import { invoiceNinjaCurrencies } from './invoiceninja-currencies.table';

/** Without a client setting the company default applies, which payloads do not carry: the business's AUD. */
export const defaultCurrency = 'AUD';

export function currencyOfId(currencyId: string | null, path: string): string {
  if (currencyId === null) return defaultCurrency;
  const code = /^\d+$/.test(currencyId) ? invoiceNinjaCurrencies[Number(currencyId)] : undefined;
  if (!code) throw payloadInvalid(path, `an Invoice Ninja currency id (1–${Object.keys(invoiceNinjaCurrencies).length})`, currencyId);
  return code;
}

/** An invoice is in its client's currency (`client.settings.currency_id`). */
export function clientCurrency(client: Fields | null): string {
  const settings = client?.optionalObject('settings') ?? null;
  return currencyOfId(settings?.optionalString('currency_id') ?? null, settings?.at('currency_id') ?? 'client.settings.currency_id');
}

/**
 * The rate as Zixly keeps it — units of the document's currency per unit of the company (base)
 * currency — from what Invoice Ninja stores: an invoice's `exchange_rate` is already that (its
 * reports divide by it), a payment's is the inverse (company units per client unit; they multiply).
 * None when the tool gave 1 or nothing: the document is in the company's currency.
 */
export function exchangeRateOf(document: Fields, kind: 'invoice' | 'payment'): { exchangeRate?: number } {
  const given = document.optionalNumber('exchange_rate');
  if (given === null || given === 1) return {};
  if (!(given > 0)) throw payloadInvalid(document.at('exchange_rate'), 'a positive exchange rate', given);
  return { exchangeRate: kind === 'invoice' ? given : 1 / given };
}
