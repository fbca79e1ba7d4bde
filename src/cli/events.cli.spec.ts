import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { collect } from '../core/event-store.port';
import { randomId } from '../core/ids';
import type { NewEvent, RecordedEvent } from '../core/messages';
import { runCliProcess } from '../testing/cli-process';
import { clientOnboarded, invoiceIssued } from '../testing/importable-events';

const workDir = mkdtempSync(join(tmpdir(), 'zixly-cli-events-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const dataDirOf = (name: string) => join(workDir, name);
const exportFile = join(workDir, 'log.ndjson');

function newEvent(type: string, data: object, extra: { source?: { tool: string; externalId: string }; correlationId?: string } = {}): NewEvent {
  const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', correlationId: extra.correlationId ?? randomId(), causationId: null, actor: 'test', ...(extra.source ? { source: extra.source } : {}) };
  return { id: randomId(), type, data, metadata };
}

async function withStore<T>(dataDir: string, work: (store: Awaited<ReturnType<typeof openSqliteEventStore>>) => Promise<T>): Promise<T> {
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** What must survive a round trip: everything but the store's own stamps (recordedAt, position). */
const portable = ({ id, type, data, stream, revision, metadata: { recordedAt: _recordedAt, ...metadata } }: RecordedEvent) => ({ id, type, data, stream, revision, metadata });

describe('zixly events export | import', () => {
  let source: RecordedEvent[];
  beforeAll(async () => {
    source = await withStore(dataDirOf('source'), async (store) => {
      await store.append('Invoice-1', [newEvent('InvoiceIssued', invoiceIssued('1'), { correlationId: 'corr-7' })]);
      await store.append('Client-1', [newEvent('ClientOnboarded', clientOnboarded('1', 'Ünïcode & "quotes"'), { source: { tool: 'plane', externalId: 'p-1' } })]);
      await store.append('Invoice-1', [newEvent('InvoicePaid', { invoiceId: '1', paidOn: '2026-02-10' }), newEvent('InvoiceVoided', { invoiceId: '1', reason: 'test' })]);
      for (let client = 2; client <= 40; client++) await store.append(`Client-${client}`, [newEvent('ClientOnboarded', clientOnboarded(String(client)))]);
      return collect(store.readAll());
    });
  });

  it('exports the log as NDJSON in log order, one event per line', async () => {
    const { code, stderr } = await runCliProcess(['events', 'export'], { env: { DATA_DIR: dataDirOf('source') }, stdoutFile: exportFile });

    const lines = readFileSync(exportFile, 'utf8').split('\n');
    expect(code).toBe(0);
    expect(stderr).toBe('exported 43 events\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).id)).toEqual(source.map((event) => event.id));
  });

  it('imports the export into an empty store as the same events, ids, streams and revisions', async () => {
    const { code, stderr } = await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('copy') }, stdinFile: exportFile });

    const copied = await withStore(dataDirOf('copy'), (store) => collect(store.readAll()));
    expect(code).toBe(0);
    expect(stderr).toContain('read 43 events: 43 appended, 0 already stored, 0 refused');
    expect(copied.map(portable)).toEqual(source.map(portable));
  });

  it('stores nothing new when the same file is imported again', async () => {
    const { code, stderr } = await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('copy') }, stdinFile: exportFile });

    const copied = await withStore(dataDirOf('copy'), (store) => collect(store.readAll()));
    expect(code).toBe(0);
    expect(stderr).toContain('read 43 events: 0 appended, 43 already stored, 0 refused');
    expect(copied).toHaveLength(43);
  });

  it('appends only the missing end of a stream imported before in part', async () => {
    const invoices = join(workDir, 'invoices.ndjson');
    const firstInvoiceEvent = join(workDir, 'first.ndjson');
    await runCliProcess(['events', 'export', '--categories', 'Invoice'], { env: { DATA_DIR: dataDirOf('source') }, stdoutFile: invoices });
    writeFileSync(firstInvoiceEvent, readFileSync(invoices, 'utf8').split('\n')[0] + '\n');
    await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('partial') }, stdinFile: firstInvoiceEvent });

    const { code, stderr } = await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('partial') }, stdinFile: invoices });

    const stored = await withStore(dataDirOf('partial'), (store) => collect(store.readStream('Invoice-1')));
    expect(code).toBe(0);
    expect(stderr).toContain('read 3 events: 2 appended, 1 already stored, 0 refused');
    expect(stored.map(portable)).toEqual(source.filter((event) => event.stream === 'Invoice-1').map(portable));
  });

  it('exports only what the filters select', async () => {
    const byCategory = await runCliProcess(['events', 'export', '--categories', 'Invoice', '--correlation-id', 'corr-7'], { env: { DATA_DIR: dataDirOf('source') } });
    const byStream = await runCliProcess(['events', 'export', '--streams', 'Client-1,Client-2', '--types', 'ClientOnboarded'], { env: { DATA_DIR: dataDirOf('source') } });

    expect(byCategory.stdout.trim().split('\n').map((line) => JSON.parse(line).type)).toEqual(['InvoiceIssued']);
    expect(byStream.stdout.trim().split('\n').map((line) => JSON.parse(line).stream)).toEqual(['Client-1', 'Client-2']);
  });

  it('refuses a line that is not an event, naming it, and imports nothing, with exit code 1', async () => {
    const broken = join(workDir, 'broken.ndjson');
    writeFileSync(broken, `${readFileSync(exportFile, 'utf8').split('\n')[0]}\n{"id": "x"\n`);

    const { code, stderr } = await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('broken') }, stdinFile: broken });

    expect(code).toBe(1);
    expect(stderr).toContain('read 2 events: 0 appended, 0 already stored, 1 refused; nothing was imported because lines were refused');
    expect(stderr).toContain('  line 2: not JSON\n');
    expect(await withStore(dataDirOf('broken'), (store) => collect(store.readAll()))).toEqual([]);
  });

  it('refuses a stream that does not start at its first event', async () => {
    const middle = join(workDir, 'middle.ndjson');
    writeFileSync(middle, `${readFileSync(exportFile, 'utf8').split('\n')[2]}\n`);

    const { code, stderr } = await runCliProcess(['events', 'import'], { env: { DATA_DIR: dataDirOf('middle') }, stdinFile: middle });

    expect(code).toBe(1);
    expect(stderr).toMatch(/import stopped at line 1: Invoice-1: the file has event \S+ at revision 1, but the store's stream does not exist\./);
  });
});
