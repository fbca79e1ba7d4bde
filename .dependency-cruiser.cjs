/**
 * The whiteboard as a test: the parts of Zixly Ops and the directions their imports may take.
 * ARCHITECTURE.md draws the picture in words; src/architecture.spec.ts runs these rules in `npm test`.
 * Known debt that predates the check is listed, import by import, in
 * .dependency-cruiser-known-violations.json — a new forbidden import or a new circle fails.
 */

/** Fixtures, fakes, harnesses, benches and the reliability suite: never part of the product. */
const testSupport = [
  '^src/(testing|reliability|bench)/',
  '\\.(spec|test)\\.ts$',
  '\\.(fixture|fixtures|facts|fake|sample|child|baseline)\\.ts$',
  '/(testing|fakes|fixtures)/',
];
const testLibraries = ['^vitest', '^@vitest/', '^autocannon', '^playwright', '^@grpc/grpc-js', '^google-protobuf', '^axe-core'];
const drivers = ['^better-sqlite3', '^mongodb', '^@eventstore/db-client'];
const compositionRoot = '^src/(app|app-[a-z-]+)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle between modules means two of them are one part: merge them or extract what they share.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-innermost',
      comment: 'core holds messages, deciders, the projection runner, errors and ports: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: testSupport },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'aggregates-know-only-core',
      comment: 'Deciders are pure: events, commands and rules, over core only.',
      severity: 'error',
      from: { path: '^src/aggregates/', pathNot: testSupport },
      to: { path: '^src/', pathNot: ['^src/(core|aggregates)/'] },
    },
    {
      name: 'projections-know-events',
      comment: 'A projection folds events into documents: it knows core and the aggregates\' events, nothing of the edges.',
      severity: 'error',
      from: { path: '^src/projections/', pathNot: testSupport },
      to: { path: '^src/', pathNot: ['^src/(core|aggregates|projections)/'] },
    },
    {
      name: 'drivers-only-in-adapters',
      comment: 'Only src/adapters/ talks to a database driver; the rest talks to ports.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/adapters/', ...testSupport] },
      to: { dependencyTypesNot: ['type-only'], path: drivers.map((d) => d.replace('^', '(^|/)node_modules/')) },
    },
    {
      name: 'edges-use-ports-not-adapters',
      comment: 'Schema, ingest, tools, workflows, projections, aggregates, http and metrics get stores through ports, built by the composition root.',
      severity: 'error',
      from: { path: '^src/(schema|ingest|tools|workflows|projections|aggregates|http|metrics|core|demo)/', pathNot: testSupport },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'edges-do-not-import-the-root',
      comment: 'The composition root (src/app*.ts) imports the parts; no part imports it back.',
      severity: 'error',
      from: { path: '^src/(core|aggregates|projections|schema|ingest|tools|workflows|adapters|http|metrics|logging|demo)/', pathNot: testSupport },
      to: { path: compositionRoot },
    },
    {
      name: 'product-without-test-support',
      comment: 'The product (what dist/ and the image ship) never imports fixtures, fakes, harnesses, benches or the reliability suite.',
      severity: 'error',
      from: { path: '^src/', pathNot: testSupport },
      to: { path: testSupport },
    },
    {
      name: 'product-without-test-libraries',
      comment: 'No product file imports a test library or a test-only package.',
      severity: 'error',
      from: { path: '^src/', pathNot: testSupport },
      to: { dependencyTypesNot: ['type-only'], path: testLibraries.map((d) => d.replace('^', '(^|/)node_modules/')) },
    },
    {
      name: 'no-shared-folder-at-run-time',
      comment: 'The repository is self-contained: nothing reads ../shared.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|/)shared/(style|kpis|toolchain)\\.md$|^\\.\\./shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
    moduleSystems: ['cjs', 'es6'],
  },
};
