import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '..');
const config = join(root, '.dependency-cruiser.cjs');
const knownViolations = join(root, '.dependency-cruiser-known-violations.json');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string; readonly severity: string };
  readonly cycle?: readonly { readonly name: string }[];
}

/** Runs dependency-cruiser over `src/` of `cwd` with the repo's rules; returns the violations it reports. */
async function cruise(cwd: string, ...flags: string[]): Promise<Violation[]> {
  const { stdout } = await run(process.execPath, [depcruise, 'src', '--config', config, '--output-type', 'json', ...flags], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    // depcruise exits non-zero when it finds violations; its JSON is on stdout all the same.
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  // Known violations come back with severity "ignore" when --ignore-known is given.
  return result.summary.violations.filter((v) => v.rule.severity !== 'ignore');
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('the architecture check (the whiteboard as a test)', () => {
  it('finds no forbidden import or circle beyond the listed known debt', async () => {
    const violations = await cruise(root, '--ignore-known', knownViolations);

    expect(violations.map(describeViolation)).toEqual([]);
  });

  it('lists as known debt only violations that still exist, so fixed debt leaves the list', async () => {
    const known = JSON.parse(await readFile(knownViolations, 'utf8')) as Violation[];
    const present = new Set((await cruise(root)).map(describeViolation));

    expect(known.map(describeViolation).filter((v) => !present.has(v))).toEqual([]);
  });

  it('builds dist/ from product files only: the build leaves out every test-support path', () => {
    const rules = require(config) as { forbidden: { name: string; to: { path: string[] } }[] };
    const testSupport = rules.forbidden.find((rule) => rule.name === 'product-without-test-support')!.to.path.map((p) => new RegExp(p));
    const buildConfig = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const built = buildConfig.fileNames.map((file) => file.slice(root.length + 1));

    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((file) => testSupport.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('keeps test support in one tree: src/testing (beside benches and the reliability suite), or a tool folder of its own fakes and fixtures', async () => {
    const rules = require(config) as { forbidden: { name: string; to: { path: string[] } }[] };
    const testSupport = rules.forbidden.find((rule) => rule.name === 'product-without-test-support')!.to.path.map((p) => new RegExp(p));
    const files = (await readdir(join(root, 'src'), { recursive: true })).map((file) => `src/${file.split(sep).join('/')}`).filter((file) => /\.tsx?$/.test(file));
    const isSpec = (file: string) => /\.(spec|test)\.ts$/.test(file);
    const inItsTree = (file: string) => /^src\/(testing|reliability|bench)\//.test(file) || /^src\/tools\/[^/]+\/(.*\.fake(-server)?\.ts|fixtures\/.*)$/.test(file);

    const strays = files.filter((file) => !isSpec(file) && testSupport.some((pattern) => pattern.test(file)) && !inItsTree(file));

    expect(strays).toEqual([]);
  });

  describe('given a small tree that breaks the rules', () => {
    let tree = '';
    afterAll(async () => {
      if (tree) await rm(tree, { recursive: true, force: true });
    });

    async function givenFiles(files: Record<string, string>): Promise<string> {
      tree = await mkdtemp(join(tmpdir(), 'zixly-architecture-'));
      await writeFile(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true } }));
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(tree, path)), { recursive: true });
        await writeFile(join(tree, path), text);
      }
      return tree;
    }

    it('fails on a forbidden import, a new circle, and test support reached from the product', async () => {
      const cwd = await givenFiles({
        'src/core/clock.ts': "import { open } from '../adapters/sqlite/store';\nexport const now = () => open();\n",
        'src/adapters/sqlite/store.ts': 'export const open = () => 1;\n',
        'src/aggregates/invoice/invoice.decider.ts': "import { parked } from '../../ingest/inbox';\nexport const decide = () => parked;\n",
        'src/ingest/inbox.ts': "import { sample } from './fixtures/sample-deliveries';\nexport const parked = sample;\n",
        'src/ingest/fixtures/sample-deliveries.ts': 'export const sample = 1;\n',
        'src/schema/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/schema/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      });

      const rules = new Set((await cruise(cwd)).map((v) => v.rule.name));

      expect([...rules].sort()).toEqual(['aggregates-know-only-core', 'core-is-innermost', 'edges-use-ports-not-adapters', 'no-circular', 'product-without-test-support']);
    });
  });
});
