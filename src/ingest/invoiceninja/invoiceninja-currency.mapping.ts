import type { Fields } from '../mapping/payload.reader';
import { payloadInvalid } from '../mapping/payload.reader';

/** Invoice Ninja's currency ids (its CurrenciesSeeder order, stable since v4). */
const currencies: Readonly<Record<string, string>> = {
  '1': 'USD',
  '2': 'GBP',
  '3': 'EUR',
  '4': 'ZAR',
  '5': 'DKK',
  '6': 'ILS',
  '7': 'SEK',
  '8': 'KES',
  '9': 'CAD',
  '10': 'PHP',
  '11': 'INR',
  '12': 'AUD',
  '13': 'SGD',
  '14': 'NOK',
  '15': 'NZD',
  '16': 'VND',
  '17': 'CHF',
};

/** Without a client setting the company default applies, which payloads do not carry: the business's AUD. */
export const defaultCurrency = 'AUD';

export function currencyOfId(currencyId: string | null, path: string): string {
  if (currencyId === null) return defaultCurrency;
  const code = currencies[currencyId];
  if (!code) throw payloadInvalid(path, `an Invoice Ninja currency id (${Object.keys(currencies).join(', ')})`, currencyId);
  return code;
}

/** An invoice is in its client's currency (`client.settings.currency_id`). */
export function clientCurrency(client: Fields | null): string {
  const settings = client?.optionalObject('settings') ?? null;
  return currencyOfId(settings?.optionalString('currency_id') ?? null, settings?.at('currency_id') ?? 'client.settings.currency_id');
}
