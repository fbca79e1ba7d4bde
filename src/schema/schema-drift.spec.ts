import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printSortedSchema } from './build-schema';
import { schemaFile } from './emit-schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run codegen` after changing types or resolvers)', async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    const built = printSortedSchema(await buildAppSchema());
    expect(built, 'schema.graphql is out of date: run `npm run codegen` and commit schema.graphql and src/schema/__generated__/').toBe(committed);
  });
});
