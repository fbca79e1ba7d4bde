import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // type-graphql needs decorator metadata, which esbuild drops: SWC compiles the tests.
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    // One graphql realm: type-graphql and Apollo load the CommonJS build.
    // graphql-query-complexity's ESM build imports graphql/index.mjs explicitly: take its CommonJS build.
    alias: { graphql: require.resolve('graphql'), 'graphql-query-complexity': require.resolve('graphql-query-complexity') },
  },
  test: {
    include: ['src/**/*.spec.ts', 'web/src/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
