import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Test support (as ARCHITECTURE.md lists it) may write to a store as it likes. */
const testSupport = [/^src\/(testing|reliability|bench)\//, /\.(spec|test)\.ts$/, /\.(fixture|fixtures|facts|fake|sample|child|baseline)\.ts$/, /\/(testing|fakes|fixtures)\//];

/**
 * Where appending to the event store directly is the job: the command handler and the store
 * ports (core), the adapters, and the import of an export, which restores events exactly as they
 * were stored (ids, metadata, revisions), which no decider may change.
 */
const mayAppend = [/^src\/core\//, /^src\/adapters\//, /^src\/cli\/event-import\.service\.ts$/];

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    const name = relative(root, path).split('\\').join('/');
    return name.endsWith('.ts') && !name.endsWith('.d.ts') && !testSupport.some((pattern) => pattern.test(name)) ? [name] : [];
  });
}

/** Files (other than those that may) whose code calls `.append(`: a write that bypasses the command bus. */
function directAppends(files: ReadonlyArray<{ name: string; text: string }>): string[] {
  return files.filter(({ name, text }) => !mayAppend.some((pattern) => pattern.test(name)) && /\.append\s*\(/.test(text)).map(({ name }) => name);
}

describe('the write path', () => {
  it('has every product write go through createCommandBus: no direct append outside core, adapters and the import', () => {
    const files = productFiles(join(root, 'src')).map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));
    expect(files.length).toBeGreaterThan(300);
    expect(directAppends(files)).toEqual([]);
  });

  it('names a file of an edge that appends to the store itself', () => {
    const planted = { name: 'src/ingest/inbox/shortcut.ts', text: "await store.append('WebhookDelivery-1', [event], 'no_stream');" };
    const handler = { name: 'src/core/command-handler.ts', text: 'await store.append(stream, newEvents, revision);' };
    expect(directAppends([planted, handler])).toEqual(['src/ingest/inbox/shortcut.ts']);
  });
});
