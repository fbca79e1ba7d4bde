import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { collect } from '../core/event-store.port';
import { randomId } from '../core/ids';
import { runCliProcess } from '../testing/cli-process';
import { clientOnboarded, invoiceIssued } from '../testing/importable-events';

const workDir = mkdtempSync(join(tmpdir(), 'zixly-cli-import-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let runs = 0;

const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', recordedAt: '2026-02-03T04:05:06.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const line = (stream: string, revision: number, type: string, data: object) =>
  JSON.stringify({ id: randomId(), stream, revision: String(revision), position: '1', type, data, metadata });
const apiKeyCreated = (secret: string) =>
  line('ApiKey-k1', 0, 'ApiKeyCreated', { keyId: 'k1', name: 'smuggled', role: 'ADMIN', hash: createHash('sha256').update(secret).digest('hex'), createdAt: '2026-02-03T04:05:06.000Z' });

/** Imports `lines` into a fresh data dir; returns the CLI's answer and what the store then holds. */
async function importLines(lines: readonly string[], flags: readonly string[] = []) {
  const dataDir = join(workDir, `${++runs}`);
  const file = join(workDir, `${runs}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const run = await runCliProcess(['events', 'import', ...flags], { env: { DATA_DIR: dataDir }, stdinFile: file });
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  const stored = await collect(store.readAll());
  await store.close();
  return { ...run, stored };
}

describe('zixly events import checks every line', () => {
  it('refuses data that is not what its event type declares, naming line and field, and imports nothing', async () => {
    const { code, stderr, stored } = await importLines([
      line('Client-1', 0, 'ClientOnboarded', clientOnboarded('1')),
      line('Invoice-1', 0, 'InvoiceIssued', { ...invoiceIssued('1'), amountCents: 'lots' }),
    ]);

    expect(code).toBe(1);
    expect(stderr).toContain('read 2 events: 0 appended, 0 already stored, 1 refused; nothing was imported');
    expect(stderr).toContain('  line 2 (Invoice-1): InvoiceIssued: data.amountCents must be a number, got string\n');
    expect(stored).toEqual([]);
  });

  it('refuses an event whose occurredAt is not an instant', async () => {
    const undated = JSON.stringify({ ...JSON.parse(line('Client-1', 0, 'ClientOnboarded', clientOnboarded('1'))), metadata: { ...metadata, occurredAt: 'last Tuesday' } });

    const { code, stderr, stored } = await importLines([undated]);

    expect(code).toBe(1);
    expect(stderr).toContain('  line 1 (Client-1): metadata.occurredAt must be an ISO-8601 instant with a time zone, got "last Tuesday"\n');
    expect(stored).toEqual([]);
  });

  it('refuses an unknown event type', async () => {
    const { code, stderr, stored } = await importLines([line('Invoice-1', 0, 'InvoiceExploded', {})]);

    expect(code).toBe(1);
    expect(stderr).toContain('  line 1 (Invoice-1): unknown event type InvoiceExploded\n');
    expect(stored).toEqual([]);
  });

  it('imports the valid lines of a half-valid file with --skip-refused, refusing the rest of a stream after its refused line', async () => {
    const { code, stderr, stored } = await importLines(
      [
        line('Invoice-1', 0, 'InvoiceIssued', { ...invoiceIssued('1'), kind: 'FREE' }),
        line('Client-1', 0, 'ClientOnboarded', clientOnboarded('1')),
        line('Invoice-1', 1, 'InvoicePaid', { invoiceId: '1', paidOn: '2026-02-10' }),
        line('Client-2', 0, 'ClientOnboarded', clientOnboarded('2')),
      ],
      ['--skip-refused'],
    );

    expect(code).toBe(1);
    expect(stderr).toContain('read 4 events: 2 appended, 0 already stored, 2 refused\n');
    expect(stderr).toContain('  line 1 (Invoice-1): InvoiceIssued: data.kind must be one of ONE_OFF, RECURRING, got "FREE"\n');
    expect(stderr).toContain('  line 3 (Invoice-1): follows refused line 1 of the same stream\n');
    expect(stored.map((event) => event.stream)).toEqual(['Client-1', 'Client-2']);
  });

  it('refuses platform streams without --platform, and imports them with it', async () => {
    const delivery = line('WebhookDelivery-d1', 0, 'WebhookDeliveryReceived', { deliveryId: 'd1', tool: 'plane', dedupeKey: 'k', eventKind: 'issue', receivedAt: '2026-02-03T04:05:06.000Z' });
    const claim = line('IdentityClaim-x', 0, 'IdentityClaimed', { key: 'plane:1', clientId: '1' });

    const without = await importLines([delivery, claim]);
    const withFlag = await importLines([delivery, claim], ['--platform']);

    expect(without.code).toBe(1);
    expect(without.stderr).toContain('  line 1 (WebhookDelivery-d1): WebhookDeliveryReceived on WebhookDelivery-d1 belongs to raw webhook deliveries, a platform stream: import those only with --platform\n');
    expect(without.stderr).toContain('  line 2 (IdentityClaim-x): IdentityClaimed on IdentityClaim-x belongs to identity claims');
    expect(without.stored).toEqual([]);
    expect(withFlag.code).toBe(0);
    expect(withFlag.stored.map((event) => event.type)).toEqual(['WebhookDeliveryReceived', 'IdentityClaimed']);
  });

  it('never stores an API key without --api-keys, not even with --platform or on another stream', async () => {
    const smuggled = apiKeyCreated('zx_secret_of_the_attacker_000000000');
    const disguised = line('Client-9', 0, 'ApiKeyCreated', { keyId: 'k2', name: 'x', role: 'ADMIN', hash: 'ab', createdAt: '2026-02-03T04:05:06.000Z' });

    const { code, stderr, stored } = await importLines([smuggled, disguised], ['--platform', '--skip-refused']);
    const restored = await importLines([smuggled], ['--api-keys']);

    expect(code).toBe(1);
    expect(stderr).toContain('  line 1 (ApiKey-k1): ApiKeyCreated on ApiKey-k1 is an API key event: import API keys only with --api-keys\n');
    expect(stderr).toContain('  line 2 (Client-9): ApiKeyCreated on Client-9 is an API key event');
    expect(stored).toEqual([]);
    expect(restored.code).toBe(0);
    expect(restored.stored.map((event) => event.type)).toEqual(['ApiKeyCreated']);
  });
});
