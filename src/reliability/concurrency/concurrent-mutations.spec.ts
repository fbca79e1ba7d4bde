import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { waitUntilSettled } from '../support/app-readiness';
import { reportRow } from '../support/reliability-row';
import { reliabilitySeed } from '../support/reliability-scale';
import { SeededRandom } from '../../demo/seeded-random';
import { race, type RaceResult } from './mutation-race';
import { contiguous, dataOf, storedRace } from './race-audit';
import { hoursEntrants, paymentEntrants, raceInvoice, raceProject, setUpRace } from './race-setup';

const entrants = 100;
const files = appFiles('zixly-concurrency-');
const servers: AppProcess[] = [];
const random = new SeededRandom(reliabilitySeed() + 3);
const payments = paymentEntrants(entrants, random);
const hours = hoursEntrants(entrants, random.int(20, 80), random);
const races: { payments?: RaceResult; hours?: RaceResult } = {};
let stored: Awaited<ReturnType<typeof storedRace>>;

// Two server processes on one DATA_DIR: the in-process queue cannot serialise them, only the store's revision checks can.
// Each follows the log under leases (PROCESSORS), as processes sharing a store must: a projection's
// derived sums (invoice_sums, workflow_runs) add each batch's change to the stored totals, which two
// writers folding the same events would count twice (README, "Scaling out").
const sharedStoreEnv = () => appEnv(files, { PROCESSORS: 'all', LEASE_TTL_MS: '2000' });
beforeAll(async () => {
  servers.push(await AppProcess.start(sharedStoreEnv()), await AppProcess.start(sharedStoreEnv()));
  const urls = servers.map((server) => server.url);
  await setUpRace(urls[0]!, files.adminKey);
  [races.payments, races.hours] = await Promise.all([race(urls, files.adminKey, payments), race(urls, files.adminKey, hours)]);
  for (const server of servers) await waitUntilSettled(() => server.url, files.adminKey, 120_000);
  for (const server of servers) await server.stop();
  stored = await storedRace(files.dataDir, `Invoice-${raceInvoice.invoiceId}`, `Project-${raceProject.projectId}`);
}, 300_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  files.remove();
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const sorted = (values: readonly string[]) => [...values].sort();

describe(`${entrants} concurrent mutations on one aggregate, over two server processes sharing the store`, () => {
  it('record every accepted payment once, refuse the rest as overpayment, and never pay more than the invoice', ({ task }) => {
    const result = races.payments!;
    const received = dataOf(stored.invoice, 'PaymentReceived');
    const paid = sum(received.map((payment) => payment.amountCents));
    const balance = raceInvoice.amountCents - paid;
    const wronglyRefused = result.ruleRejections.filter(({ id }) => payments.find((payment) => payment.id === id)!.amountCents <= balance);
    const document = stored.live.invoices?.[raceInvoice.invoiceId]?.document as Record<string, any> | undefined;
    reportRow(task, {
      scenario: '3. concurrent payments, one invoice',
      scale: `${entrants} mutations, 2 processes`,
      requestsSent: entrants,
      acknowledged: result.accepted.length,
      lost: Math.max(0, result.accepted.length - received.length) + wronglyRefused.length,
      duplicated: Math.max(0, received.length - new Set(received.map((payment) => payment.paymentId)).size),
      diverging: stored.diverging.length,
    });
    expect(result.unexplained).toEqual([]);
    expect(result.ruleRejections.map(({ rule }) => rule).filter((rule) => rule !== 'invoice.overpayment')).toEqual([]);
    expect(result.accepted.length + result.ruleRejections.length).toBe(entrants);
    expect(sorted(received.map((payment) => payment.paymentId))).toEqual(sorted(result.accepted));
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(wronglyRefused).toEqual([]);
    expect(contiguous(stored.invoice)).toBe(true);
    expect(document).toMatchObject({ paidCents: paid, balanceCents: balance });
    expect(stored.diverging).toEqual([]);
  });

  it('log every hour accepted before the project was completed, refuse the later ones as project.not_active, and lose none', ({ task }) => {
    const result = races.hours!;
    const logged = dataOf(stored.project, 'HoursLogged');
    const completedAt = stored.project.findIndex((event) => event.type === 'ProjectCompleted');
    const after = stored.project.slice(completedAt + 1).filter((event) => event.type === 'HoursLogged');
    const acceptedEntries = result.accepted.filter((id) => id !== 'complete-project');
    reportRow(task, {
      scenario: '3. concurrent hours + completion, one project',
      scale: `${entrants + 1} mutations, 2 processes`,
      requestsSent: entrants + 1,
      acknowledged: result.accepted.length,
      lost: Math.max(0, acceptedEntries.length - logged.length),
      duplicated: Math.max(0, logged.length - new Set(logged.map((entry) => entry.entryId)).size),
      diverging: stored.diverging.length,
    });
    expect(result.unexplained).toEqual([]);
    expect(result.accepted).toContain('complete-project');
    expect(result.ruleRejections.map(({ rule }) => rule).filter((rule) => rule !== 'project.not_active')).toEqual([]);
    expect(sorted(logged.map((entry) => entry.entryId))).toEqual(sorted(acceptedEntries));
    expect(completedAt).toBeGreaterThan(0);
    expect(after).toEqual([]);
    expect(contiguous(stored.project)).toBe(true);
    expect(stored.diverging).toEqual([]);
  });
});
