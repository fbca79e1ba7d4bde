import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAppSchema, printSortedSchema } from './build-schema';

/** Writes schema.graphql at the repository root (run by `npm run codegen` from the build output). */
export const schemaFile = resolve(__dirname, '..', '..', 'schema.graphql');

async function emit(): Promise<void> {
  writeFileSync(schemaFile, printSortedSchema(await buildAppSchema()));
  console.log(`Wrote ${schemaFile}`);
}

if (require.main === module) {
  emit().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
