import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomId } from '../../../core/ids';
import { runCliProcess } from '../../../testing/cli-process';
import { clientOnboarded, invoiceIssued } from '../../../testing/importable-events';
import { graphqlCall } from '../../support/graphql-call';
import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';

const metadata = () => ({ occurredAt: '2026-02-03T04:05:06.000Z', recordedAt: '2026-02-03T04:05:06.000Z', correlationId: randomId(), causationId: null, actor: 'probe' });
const line = (stream: string, revision: number, type: string, data: unknown) => JSON.stringify({ id: randomId(), stream, revision: String(revision), position: '1', type, data, metadata: metadata() });
const unique = () => randomId().replaceAll('-', '');

/** An ApiKeyCreated line for an ADMIN key whose secret the attacker knows. */
function smuggledKey(stream = `ApiKey-${unique()}`): { line: string; secret: string } {
  const secret = `zx_${unique()}${unique()}`;
  const hash = createHash('sha256').update(secret).digest('hex');
  return { secret, line: line(stream, 0, 'ApiKeyCreated', { keyId: unique(), name: 'smuggled', role: 'ADMIN', hash, createdAt: '2026-02-03T04:05:06.000Z' }) };
}

function headOf(target: ProbeTarget): number {
  const db = new Database(join(target.dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

/** Runs `zixly events import` next to the running target, on its DATA_DIR, as an operator would. */
async function importInto(target: ProbeTarget, lines: readonly string[], flags: readonly string[] = []) {
  const directory = mkdtempSync(join(tmpdir(), 'zixly-import-probe-'));
  try {
    const file = join(directory, 'import.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const headBefore = headOf(target);
    const run = await runCliProcess(['events', 'import', ...flags], { env: { DATA_DIR: target.dataDir }, stdinFile: file });
    return { ...run, stored: headOf(target) - headBefore };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Refused: exit code 1, the reason on stderr, nothing stored. */
async function expectRefused(target: ProbeTarget, lines: readonly string[], reason: string, flags: readonly string[] = []): Promise<ProbeOutcome> {
  const run = await importInto(target, lines, flags);
  if (run.code === 1 && run.stored === 0 && run.stderr.includes(reason)) return { kind: 'refused', detail: reason };
  if (run.stored > 0) return { kind: 'failed', detail: `stored ${run.stored} events (exit ${run.code}): ${run.stderr.slice(-300)}` };
  return { kind: 'failed', detail: `exit ${run.code} without "${reason}": ${run.stderr.slice(-300)}` };
}

/** The smuggled key must not authenticate, whatever the import said. */
async function keyRefused(target: ProbeTarget, secret: string, outcome: ProbeOutcome): Promise<ProbeOutcome> {
  const answer = await graphqlCall(target.url, secret, '{ apiKeys { nodes { keyId } } }');
  if (answer.data) return { kind: 'leak', detail: 'the imported ApiKeyCreated yields a working ADMIN key' };
  return outcome;
}

const apiKeyReason = 'is an API key event: import API keys only with --api-keys';

export const probes: readonly Probe[] = [
  {
    class: 'import',
    name: 'an ApiKeyCreated line for an ADMIN key',
    async run(target) {
      const key = smuggledKey();
      return keyRefused(target, key.secret, await expectRefused(target, [key.line], apiKeyReason));
    },
  },
  {
    class: 'import',
    name: 'an ApiKeyCreated line with --platform',
    async run(target) {
      const key = smuggledKey();
      return keyRefused(target, key.secret, await expectRefused(target, [key.line], apiKeyReason, ['--platform']));
    },
  },
  {
    class: 'import',
    name: 'an ApiKeyCreated line disguised on a business stream, with --platform --skip-refused',
    async run(target) {
      const key = smuggledKey(`Client-${unique()}`);
      return keyRefused(target, key.secret, await expectRefused(target, [key.line], apiKeyReason, ['--platform', '--skip-refused']));
    },
  },
  {
    class: 'import',
    name: 'malformed data: an amount that is a string',
    run: (target) => expectRefused(target, [line(`Invoice-${unique()}`, 0, 'InvoiceIssued', { ...invoiceIssued('p'), amountCents: '12,345' })], 'data.amountCents must be a number, got string'),
  },
  {
    class: 'import',
    name: 'malformed data: a value outside its type and a missing field',
    run: (target) =>
      expectRefused(target, [line(`Client-${unique()}`, 0, 'ClientOnboarded', { ...clientOnboarded('p'), tier: 'PLATINUM', name: undefined })], 'data.name is missing'),
  },
  {
    class: 'import',
    name: 'data that is not an object',
    run: (target) => expectRefused(target, [line(`Client-${unique()}`, 0, 'ClientOnboarded', ['not', 'an', 'object'])], '"data" must be an object'),
  },
  {
    class: 'import',
    name: 'a raw webhook delivery (platform stream) without --platform',
    run: (target) =>
      expectRefused(
        target,
        [line(`WebhookDelivery-${unique()}`, 0, 'WebhookDeliveryReceived', { deliveryId: 'd', tool: 'plane', dedupeKey: 'k', eventKind: 'issue', receivedAt: '2026-02-03T04:05:06.000Z' })],
        'a platform stream: import those only with --platform',
      ),
  },
  {
    class: 'import',
    name: 'an identity claim (platform stream) without --platform',
    run: (target) => expectRefused(target, [line(`IdentityClaim-${unique()}`, 0, 'IdentityClaimed', { key: 'plane:x', clientId: 'c' })], 'belongs to identity claims'),
  },
  {
    class: 'import',
    name: 'a half-valid file (imports nothing)',
    run: (target) =>
      expectRefused(
        target,
        [line(`Client-${unique()}`, 0, 'ClientOnboarded', clientOnboarded('ok')), line(`Invoice-${unique()}`, 0, 'InvoiceIssued', { ...invoiceIssued('p'), kind: 'FREE' })],
        'nothing was imported because lines were refused',
      ),
  },
  {
    class: 'import',
    name: 'an unknown event type',
    run: (target) => expectRefused(target, [line(`Invoice-${unique()}`, 0, 'InvoiceExploded', { invoiceId: 'x' })], 'unknown event type InvoiceExploded'),
  },
  {
    class: 'import',
    name: 'a line that is not JSON',
    run: (target) => expectRefused(target, ['\u0000\u00ff{"id": "x", "type": '], 'not JSON'),
  },
  {
    class: 'import',
    name: 'a half-valid file with --skip-refused: the valid part imported, projections keep going',
    async run(target) {
      const name = `Imported ${unique()}`;
      const clientId = unique();
      const run = await importInto(target, [line(`Client-${clientId}`, 0, 'ClientOnboarded', clientOnboarded(clientId, name)), line(`Invoice-${unique()}`, 0, 'InvoiceIssued', { kind: 'FREE' })], ['--skip-refused']);
      if (run.stored !== 1 || run.code !== 1 || !run.stderr.includes('1 appended, 0 already stored, 1 refused')) return { kind: 'failed', detail: `exit ${run.code}, stored ${run.stored}: ${run.stderr.slice(-300)}` };
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const found = await graphqlCall<{ client: { name: string } | null }>(target.url, target.keys.VIEWER, 'query ($id: ID!) { client(id: $id) { name } }', { id: clientId });
        if (found.data?.client?.name === name) return { kind: 'served', detail: 'the valid line imported and projected, the refused one reported' };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { kind: 'failed', detail: 'the imported client never reached the read model' };
    },
  },
];
