import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../../core/ids';
import { errorCodes, TestApi } from '../../testing/api-harness';

const aliased = (count: number, field: (index: number) => string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join(' ')} }`;
const day = (index: number) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10);
const dashboard = (period: string, asOf = '') => `financialDashboard(period: ${period}${asOf}) { revenue { value { accrual { totalCents } } } mrr { value { mrrCents } } }`;

/** The worst a VIEWER can send, as the issue found them, and the code that must refuse each before it runs. */
const attacks: ReadonlyArray<readonly [string, string]> = [
  // Over the token limit: refused while parsing, before validation walks 1,000 fields.
  [aliased(1_000, () => `event(id: "${randomId()}") { id data }`), 'GRAPHQL_PARSE_FAILED'],
  [aliased(6, () => 'events(first: 200) { nodes { id type stream data metadata } }'), 'QUERY_TOO_COMPLEX'],
  [aliased(40, (index) => dashboard(`{ from: "${day(index)}", to: "${day(index + 30)}" }`)), 'QUERY_TOO_COMPLEX'],
  [aliased(10, (index) => dashboard('{ from: "2024-01-01", to: "2025-01-01" }', `, asOf: "${day(index)}T00:00:00Z"`)), 'QUERY_TOO_COMPLEX'],
  [aliased(20, (index) => `events(first: 200, filter: { correlationId: "c-${index}", from: "2020-01-01T00:00:00Z" }) { nodes { id data } }`), 'QUERY_TOO_COMPLEX'],
];

describe('/healthz while a VIEWER sends the worst requests it can', () => {
  let api: TestApi;
  let viewer: string;
  beforeAll(async () => {
    api = await TestApi.start();
    viewer = (await api.keyWithRole('VIEWER')).secret;
    for (let stream = 0; stream < 20; stream++) await api.given(`Audit-${stream}`, Array.from({ length: 100 }, () => ({ type: 'NoteTaken' })));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses every one of them by the work it would cause, and keeps answering /healthz throughout', async () => {
    let attacking = true;
    const health: number[] = [];
    const probe = (async () => {
      while (attacking) health.push((await fetch(`${api.url}/healthz`)).status);
    })();

    const answers = await Promise.all(attacks.flatMap(([query]) => [1, 2, 3].map(() => api.graphql(query, {}, { key: viewer }))));
    attacking = false;
    await probe;

    expect(answers.map((answer) => [answer.status, errorCodes(answer)])).toEqual(attacks.flatMap(([, code]) => [1, 2, 3].map(() => [400, [code]])));
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);
  });
});
