import { describe, expect, it } from 'vitest';
import { chunked, Deadline, yieldToLoop } from './deadline';

async function* numbers(count: number): AsyncGenerator<number> {
  for (let index = 0; index < count; index++) yield index;
}

describe('chunked reads under a deadline', () => {
  it('lets the event loop run while a long read is iterated', async () => {
    let ranAt: number | null = null;
    let index = 0;
    setImmediate(() => (ranAt = index));

    for await (const value of chunked(numbers(5_000))) index = value;

    expect(ranAt).not.toBeNull();
    expect(ranAt!).toBeLessThan(5_000);
  });

  it('stops a read past its deadline with request.deadline_exceeded', async () => {
    let clock = 0;
    const deadline = Deadline.after(10, () => clock);
    const read = async () => {
      for await (const value of chunked(numbers(5_000), deadline, 100)) clock = value;
    };

    await expect(read()).rejects.toMatchObject({ code: 'request.deadline_exceeded', kind: 'upstream' });
  });

  it('reads to the end before its deadline', async () => {
    const seen: number[] = [];
    for await (const value of chunked(numbers(1_000), Deadline.after(60_000))) seen.push(value);
    expect(seen).toHaveLength(1_000);
  });

  it('gives callers that yield at once one turn of the event loop each', async () => {
    let iteration = 0;
    let ticking = true;
    const tick = () => {
      iteration++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);

    const resumedIn = await Promise.all([1, 2, 3].map(() => yieldToLoop().then(() => iteration)));
    ticking = false;

    expect(new Set(resumedIn).size).toBe(3);
  });
});
