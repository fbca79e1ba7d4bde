import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchResult } from './bench-result';
import { mergeResults } from './bench-results-file';

const stamp = { machine: '2 × Test CPU, 8 GiB, Node v20', measuredAt: '2026-11-26T00:00:00.000Z' };
const fileWith = (content: string | null) => {
  const path = join(mkdtempSync(join(tmpdir(), 'zixly-bench-')), 'bench-results.json');
  if (content !== null) writeFileSync(path, content);
  return path;
};
const namesAndValues = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as Array<{ name: string; value: number }>).map(({ name, value }) => [name, value]);

describe('bench-results.json', () => {
  it('keeps the figures of suites not run, replaces those measured again in place, and adds new ones', () => {
    const earlier = [benchResult('event-store.append', 100, 'events/s', 90), benchResult('graphql.query', 50, 'req/s', null)].map((result) => ({ ...result, ...stamp }));
    const path = fileWith(JSON.stringify(earlier));

    const counts = mergeResults(path, [benchResult('graphql.query', 70, 'req/s', null), benchResult('graphql.mutation', 20, 'req/s', null)], stamp);

    expect(counts).toEqual({ kept: 1, written: 2 });
    expect(namesAndValues(path)).toEqual([
      ['event-store.append', 100],
      ['graphql.query', 70],
      ['graphql.mutation', 20],
    ]);
  });

  it('records where and when each figure was measured', () => {
    const path = fileWith(null);

    mergeResults(path, [benchResult('projections.rebuild', 1_000, 'events/s', 2_000)], stamp);

    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([{ name: 'projections.rebuild', value: 1_000, unit: 'events/s', baseline: 2_000, ratio: 0.5, ...stamp }]);
  });

  it('starts afresh from a file that is not a list of results', () => {
    const path = fileWith('{ not json');

    mergeResults(path, [benchResult('a', 1, 'ms', null)], stamp);

    expect(namesAndValues(path)).toEqual([['a', 1]]);
  });
});
