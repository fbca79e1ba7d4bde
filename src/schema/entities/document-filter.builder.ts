import type { DocumentFilter, FieldCondition, Json, SortDirection } from '../../core/read-store.port';
import type { DateRangeInput, InstantRangeInput } from './range.inputs';

type Bounds = { $gte?: string; $lt?: string };

/**
 * Builds a ReadStore filter one known field at a time from validated GraphQL input, so nothing a
 * client sends is ever passed through as a filter. Unset inputs add no condition.
 */
export class DocumentFilterBuilder {
  private readonly conditions: Record<string, FieldCondition> = {};

  equals(path: string, value: Json | undefined): this {
    if (value !== undefined && value !== null) this.conditions[path] = value;
    return this;
  }

  isNull(path: string, wanted: boolean | null | undefined): this {
    if (wanted === true) this.conditions[path] = null;
    if (wanted === false) this.conditions[path] = { $ne: null };
    return this;
  }

  /** A list of accepted values; an empty list matches nothing, as it says. */
  oneOf(path: string, values: readonly Json[] | null | undefined): this {
    if (values) this.conditions[path] = values.length === 1 ? values[0]! : { $in: values };
    return this;
  }

  dates(path: string, range: DateRangeInput | null | undefined): this {
    return this.bounds(path, { $gte: range?.from ?? undefined, $lt: range?.to ?? undefined });
  }

  /** Stored instants are ISO UTC with milliseconds, so they compare as strings. */
  instants(path: string, range: InstantRangeInput | null | undefined): this {
    return this.bounds(path, { $gte: range?.from?.toISOString(), $lt: range?.to?.toISOString() });
  }

  /** Bounds on one path merge, e.g. a `dueOn` range and the "overdue" cut-off. */
  bounds(path: string, bounds: Bounds): this {
    const defined = Object.fromEntries(Object.entries(bounds).filter(([, value]) => value !== undefined)) as Bounds;
    if (Object.keys(defined).length === 0) return this;
    const existing = (this.conditions[path] ?? {}) as Bounds;
    const merged: Bounds = { ...existing };
    if (defined.$gte !== undefined) merged.$gte = existing.$gte === undefined || defined.$gte > existing.$gte ? defined.$gte : existing.$gte;
    if (defined.$lt !== undefined) merged.$lt = existing.$lt === undefined || defined.$lt < existing.$lt ? defined.$lt : existing.$lt;
    this.conditions[path] = merged;
    return this;
  }

  build(): DocumentFilter {
    return { ...this.conditions };
  }
}

export type SortSpec = ReadonlyArray<readonly [fieldPath: string, direction: SortDirection]>;
