/**
 * Invoice Ninja's currency ids, all of them: database/seeders/CurrenciesSeeder.php of
 * github.com/invoiceninja/invoiceninja at v5.10.17 (commit a148eec0, September 2024). Ids are stable
 * across releases (the seeder only appends); an id this table lacks is from a newer release.
 */
export const invoiceNinjaCurrencies: Readonly<Record<number, string>> = {
  1: 'USD', 2: 'GBP', 3: 'EUR', 4: 'ZAR', 5: 'DKK', 6: 'ILS', 7: 'SEK', 8: 'KES', 9: 'CAD', 10: 'PHP',
  11: 'INR', 12: 'AUD', 13: 'SGD', 14: 'NOK', 15: 'NZD', 16: 'VND', 17: 'CHF', 18: 'GTQ', 19: 'MYR',
  20: 'BRL', 21: 'THB', 22: 'NGN', 23: 'ARS', 24: 'BDT', 25: 'AED', 26: 'HKD', 27: 'IDR', 28: 'MXN',
  29: 'EGP', 30: 'COP', 31: 'XOF', 32: 'CNY', 33: 'RWF', 34: 'TZS', 35: 'ANG', 36: 'TTD', 37: 'XCD',
  38: 'GHS', 39: 'BGN', 40: 'AWG', 41: 'TRY', 42: 'RON', 43: 'HRK', 44: 'SAR', 45: 'JPY', 46: 'MVR',
  47: 'CRC', 48: 'PKR', 49: 'PLN', 50: 'LKR', 51: 'CZK', 52: 'UYU', 53: 'NAD', 54: 'TND', 55: 'RUB',
  56: 'MZN', 57: 'OMR', 58: 'UAH', 59: 'MOP', 60: 'TWD', 61: 'DOP', 62: 'CLP', 63: 'ISK', 64: 'PGK',
  65: 'JOD', 66: 'MMK', 67: 'PEN', 68: 'BWP', 69: 'HUF', 70: 'UGX', 71: 'BBD', 72: 'BND', 73: 'GEL',
  74: 'QAR', 75: 'HNL', 76: 'SRD', 77: 'BHD', 78: 'VES', 79: 'KRW', 80: 'MAD', 81: 'JMD', 82: 'AOA',
  83: 'HTG', 84: 'ZMW', 85: 'NPR', 86: 'XPF', 87: 'MUR', 88: 'CVE', 89: 'KWD', 90: 'DZD', 91: 'MKD',
  92: 'FJD', 93: 'BOB', 94: 'ALL', 95: 'RSD', 96: 'LBP', 97: 'AMD', 98: 'AZN', 99: 'BAM', 100: 'BYN',
  101: 'GIP', 102: 'MDL', 103: 'KZT', 104: 'ETB', 105: 'GMD', 106: 'PYG', 107: 'MWK', 108: 'ZWL', 109: 'KHR',
  110: 'VUV', 111: 'CUP', 112: 'KYD', 113: 'SZL', 114: 'BZD', 115: 'LYD', 116: 'XAG', 117: 'XAU', 118: 'NIO',
  119: 'MGA',
};
