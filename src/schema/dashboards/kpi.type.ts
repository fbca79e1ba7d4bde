import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BigIntScalar, SafeIntScalar } from '../shared/scalars';

/** What `@Field` accepts as its type: `() => SomeType` or `() => [SomeType]`. */
export type GraphQLTypeThunk = NonNullable<Parameters<typeof Field>[0]> & (() => unknown);

/**
 * A KPI field's type: its value with the freshness kpis.md asks for. Usage:
 * `@ObjectType() class RevenueKpi extends Kpi<RevenueValue>(() => RevenueValue) {}`.
 */
export function Kpi<V>(valueType: GraphQLTypeThunk, options: { nullable?: boolean } = {}) {
  // Abstract: only the concrete subclasses referenced by dashboards reach the schema.
  @ObjectType({ simpleResolvers: true })
  abstract class KpiClass {
    @Field(valueType, { nullable: options.nullable ?? false })
    value!: V;

    @Field(() => Int, { description: 'Events folded into the read-model documents the value was computed from.' })
    eventCount!: number;

    @Field(() => BigIntScalar, { nullable: true, description: 'Store position the value reflects (lowest checkpoint of the read models read); null before any event.' })
    position!: bigint | null;
  }
  return KpiClass;
}

/** One row of a breakdown: `key` is a tier, client id, month (YYYY-MM), category, channel… */
export function KeyedRow<V>(valueType: GraphQLTypeThunk, options: { nullable?: boolean } = {}) {
  @ObjectType({ simpleResolvers: true })
  abstract class KeyedRowClass {
    @Field()
    key!: string;

    @Field(valueType, { nullable: options.nullable ?? false })
    value!: V;
  }
  return KeyedRowClass;
}

@ObjectType({ simpleResolvers: true, description: 'A count or an amount in cents under a breakdown key.' })
export class IntByKey extends KeyedRow<number>(() => SafeIntScalar) {}

@ObjectType({ simpleResolvers: true, description: 'Hours or minutes under a breakdown key.' })
export class FloatByKey extends KeyedRow<number>(() => Float) {}

@ObjectType({ simpleResolvers: true, description: 'A ratio or mean under a breakdown key; null where its denominator is zero.' })
export class NullableFloatByKey extends KeyedRow<number | null>(() => Float, { nullable: true }) {}

export interface Keyed<V> {
  readonly key: string;
  readonly value: V;
}

/** A domain breakdown (`Record<key, value>`) as rows sorted by key, optionally mapping each value. */
export function rowsOf<T, V = T>(record: Readonly<Record<string, T>>, map: (value: T, key: string) => V = (value) => value as unknown as V): Keyed<V>[] {
  return Object.keys(record)
    .sort()
    .map((key) => ({ key, value: map(record[key]!, key) }));
}

/** Records keyed by id whose values already carry what GraphQL needs, as a list sorted by key. */
export function listOf<T>(record: Readonly<Record<string, T>>): T[] {
  return Object.keys(record)
    .sort()
    .map((key) => record[key]!);
}

/**
 * Complexity of one KPI field (a few read-model queries): a whole dashboard stays far below the
 * platform's limit of 5,000, all five at once too.
 */
export const kpiComplexity = 20;

/** Rows keyed by a domain enum value, the key spelt as the GraphQL enum (`oauth_services` → `OAUTH_SERVICES`). */
export function enumRowsOf<V>(record: Readonly<Record<string, V>>): Keyed<V>[] {
  return rowsOf(record).map((row) => ({ key: row.key.toUpperCase(), value: row.value }));
}
