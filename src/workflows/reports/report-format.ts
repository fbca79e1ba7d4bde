/** Formatting shared by the Markdown reports: money in dollars, ratios as percentages. */
export function money(cents: number, currency = 'AUD'): string {
  const sign = cents < 0 ? '-' : '';
  const dollars = (Math.abs(cents) / 100).toLocaleString('en-AU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${sign}${currency} ${dollars}`;
}

export function percent(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)} %`;
}

export function hours(value: number): string {
  return `${value.toFixed(2)} h`;
}

/** A Markdown table; cells are escaped so a name with `|` cannot break it. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  if (rows.length === 0) return '_None._';
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
