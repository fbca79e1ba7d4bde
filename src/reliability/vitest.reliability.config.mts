import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.mts';

/**
 * `npm run test:reliability`: the reliability scenarios alone, one file at a time (each loads both
 * cores), at the size RELIABILITY_SCALE sets, ending with the table of sent, acknowledged, lost,
 * duplicated and diverging.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/reliability/**/*.spec.ts'],
    fileParallelism: false,
    reporters: ['default', './src/reliability/support/reliability-table.reporter.ts'],
  },
});
