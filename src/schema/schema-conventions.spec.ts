import { getNamedType, type GraphQLNamedType, type GraphQLType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from './build-schema';

type Typed = { name: string; type: GraphQLType };

/** Every field, argument and input field of the schema, as `Type.field` or `Type.field(arg)`. */
async function everyTypedName(): Promise<Array<{ path: string; name: string; type: string }>> {
  const schema = await buildAppSchema();
  const rows: Array<{ path: string; name: string; type: string }> = [];
  const add = (path: string, typed: Typed) => rows.push({ path, name: typed.name, type: getNamedType(typed.type).name });
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field);
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name})`, arg);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field);
  }
  return rows;
}

describe('the schema\'s conventions for time', () => {
  it('types every instant (a name ending in At) as DateTime, in inputs and outputs alike', async () => {
    const instants = (await everyTypedName()).filter((row) => /At$/.test(row.name));
    expect(instants.length).toBeGreaterThan(30);
    expect(instants.filter((row) => row.type !== 'DateTime' && row.type !== 'InstantRangeInput').map((row) => `${row.path}: ${row.type}`)).toEqual([]);
  });

  it('keeps every business date (a name ending in On) a YYYY-MM-DD String, never an instant', async () => {
    const dates = (await everyTypedName()).filter((row) => /On$/.test(row.name));
    expect(dates.length).toBeGreaterThan(20);
    expect(dates.filter((row) => row.type !== 'String' && row.type !== 'DateRangeInput').map((row) => `${row.path}: ${row.type}`)).toEqual([]);
  });
});
