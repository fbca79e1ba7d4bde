import { useState } from 'react';
import { addDays, midnightIn, type Period, periodChoices, todayIn } from '../period';

export interface PeriodSelection {
  readonly choice: string;
  readonly period: Period;
  /** A business-time-zone date: dashboards as known at the end of that day; null for live. */
  readonly asOfDate: string | null;
}

export const defaultSelection = (timeZone: string): PeriodSelection => ({ choice: periodChoices[0]!.id, period: periodChoices[0]!.period(todayIn(timeZone)), asOfDate: null });

export const asOfInstant = (selection: PeriodSelection, timeZone: string): string | null => (selection.asOfDate ? midnightIn(addDays(selection.asOfDate, 1), timeZone) : null);

/** Periods are business-time-zone dates (`to` exclusive), whatever zone the browser is in. */
export function PeriodPicker({ value, timeZone, onChange }: { value: PeriodSelection; timeZone: string; onChange: (next: PeriodSelection) => void }) {
  const [custom, setCustom] = useState(value.period);
  const today = todayIn(timeZone);
  return (
    <form className="period" aria-label="Period" data-from={value.period.from} data-to={value.period.to} data-as-of={value.asOfDate ?? ''} onSubmit={(event) => event.preventDefault()}>
      <label>
        Period
        <select
          name="period"
          value={value.choice}
          onChange={(event) => {
            const choice = periodChoices.find((one) => one.id === event.target.value);
            onChange({ ...value, choice: event.target.value, period: choice ? choice.period(today) : custom });
          }}
        >
          {periodChoices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {value.choice === 'custom' && (
        <>
          <label>
            From
            <input type="date" name="from" value={custom.from} onChange={(event) => setCustom({ ...custom, from: event.target.value })} onBlur={() => custom.from < custom.to && onChange({ ...value, period: custom })} />
          </label>
          <label>
            To (exclusive)
            <input type="date" name="to" value={custom.to} onChange={(event) => setCustom({ ...custom, to: event.target.value })} onBlur={() => custom.from < custom.to && onChange({ ...value, period: custom })} />
          </label>
        </>
      )}
      <label>
        As known on
        <input type="date" name="asOf" max={today} value={value.asOfDate ?? ''} onChange={(event) => onChange({ ...value, asOfDate: event.target.value || null })} />
      </label>
      <span className="tz" title="KPI periods and days are in the business time zone">
        {value.period.from} → {value.period.to} · {timeZone}
        {value.asOfDate ? ` · as known at the end of ${value.asOfDate}` : ' · live'}
      </span>
    </form>
  );
}
