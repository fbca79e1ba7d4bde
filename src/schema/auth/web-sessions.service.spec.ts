import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore, type SqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { ApiKeys } from './api-keys.service';
import { WebSessions } from './web-sessions.service';

describe('web sessions', () => {
  let store: SqliteEventStore;
  let keys: ApiKeys;
  let now = Date.parse('2026-03-01T09:00:00Z');
  const clock = () => new Date(now);
  const by = { actor: 'test', correlationId: 'c' };

  async function keyWithSecret(): Promise<string> {
    store = await openSqliteEventStore({ path: ':memory:' });
    keys = new ApiKeys(store, clock);
    await keys.start();
    return (await keys.create('analyst', 'VIEWER', by)).secret;
  }
  afterEach(async () => {
    await keys.stop();
    await store.close();
  });

  it('ends a session left unused for the idle time, and keeps one in use alive', async () => {
    const secret = await keyWithSecret();
    const sessions = new WebSessions(keys, clock, { idleMs: 60_000 });
    const [used, idle] = [sessions.open(secret), sessions.open(secret)];

    now += 50_000;
    sessions.principalOf(used.id, used.csrfToken);
    now += 50_000;

    expect(sessions.principalOf(used.id, used.csrfToken).role).toBe('VIEWER');
    expect(() => sessions.principalOf(idle.id, idle.csrfToken)).toThrow(expect.objectContaining({ code: 'auth.session_expired' }));
  });

  it('forgets the least recently used session beyond its capacity', async () => {
    const secret = await keyWithSecret();
    const sessions = new WebSessions(keys, clock, { capacity: 2 });
    const [first, second] = [sessions.open(secret), sessions.open(secret)];
    sessions.principalOf(first.id, first.csrfToken);

    const third = sessions.open(secret);

    expect(sessions.principalOf(first.id, first.csrfToken).name).toBe('analyst');
    expect(sessions.principalOf(third.id, third.csrfToken).name).toBe('analyst');
    expect(() => sessions.principalOf(second.id, second.csrfToken)).toThrow(expect.objectContaining({ code: 'auth.session_expired' }));
  });

  it("gives each session its own CSRF token, which no other session's id accepts", async () => {
    const secret = await keyWithSecret();
    const sessions = new WebSessions(keys, clock);
    const [one, other] = [sessions.open(secret), sessions.open(secret)];

    expect(one.csrfToken).not.toBe(other.csrfToken);
    expect(() => sessions.principalOf(one.id, other.csrfToken)).toThrow(expect.objectContaining({ code: 'auth.csrf_mismatch' }));
  });
});
