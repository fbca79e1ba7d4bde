import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.mts';

/** `npm run soak`: SOAK_SECONDS (default 600) of mixed load against the product in a child process. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/reliability/soak/*.soak.ts'],
    reporters: ['default', './src/reliability/support/reliability-table.reporter.ts'],
  },
});
