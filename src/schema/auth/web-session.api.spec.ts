import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TestApi } from '../../testing/api-harness';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api?.stop());

interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
  readonly setCookie: string;
  readonly body: Record<string, unknown>;
}

async function signIn(key: string): Promise<SignedIn> {
  const response = await fetch(`${api.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get('set-cookie')!;
  const body = (await response.json()) as Record<string, unknown>;
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken as string, setCookie, body };
}

const graphql = (headers: Record<string, string>, query = '{ projections { nodes { name } } }') =>
  fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

const reasonOf = async (response: Response) => ((await response.json()) as { errors: Array<{ extensions: { reason: string } }> }).errors[0]!.extensions.reason;

/** A graphql-ws handshake with the browser's cookie: the first answer is `connection_ack`, or the socket closes with a code. */
function handshake(cookie: string, payload: object): Promise<string | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${api.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie } });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      resolve((JSON.parse(String(data)) as { type: string }).type);
      socket.close();
    });
    socket.on('close', (code) => resolve(code));
  });
}

describe('browser sessions: an API key exchanged for a cookie, with a CSRF token', () => {
  it('signs in with a JSON body and sets an HttpOnly, SameSite=Strict session cookie; the key is not echoed', async () => {
    const session = await signIn(api.adminKey);

    expect(session.setCookie).toMatch(/^zixly_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(session.body).toMatchObject({ signedIn: true, role: 'ADMIN', businessTimeZone: 'Australia/Brisbane' });
    expect(JSON.stringify(session.body)).not.toContain(api.adminKey);
  });

  it('refuses a form-encoded sign-in (a cross-site form could send one) and an unknown key', async () => {
    const form = await fetch(`${api.url}/session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `key=${api.adminKey}` });
    const unknown = await fetch(`${api.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'zx_not_a_key_at_all_000000' }) });

    expect(form.status).toBe(400);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('runs GraphQL with the cookie and its CSRF token, and refuses the cookie alone or with another token', async () => {
    const { cookie, csrf } = await signIn(api.adminKey);

    const both = await graphql({ cookie, 'x-zixly-csrf': csrf });
    const cookieAlone = await graphql({ cookie });
    const wrongToken = await graphql({ cookie, 'x-zixly-csrf': `${csrf.slice(0, -2)}xx` });

    expect(both.status).toBe(200);
    expect(((await both.json()) as { data: { projections: { nodes: unknown[] } } }).data.projections.nodes.length).toBeGreaterThan(5);
    expect([cookieAlone.status, await reasonOf(cookieAlone)]).toEqual([401, 'auth.csrf_mismatch']);
    expect([wrongToken.status, await reasonOf(wrongToken)]).toEqual([401, 'auth.csrf_mismatch']);
  });

  it('keeps the role of the key: a VIEWER session is refused a mutation', async () => {
    const viewer = await api.keyWithRole('VIEWER');
    const { cookie, csrf } = await signIn(viewer.secret);

    const response = await graphql({ cookie, 'x-zixly-csrf': csrf }, 'mutation { createApiKey(name: "x", role: ADMIN) { keyId } }');

    expect(JSON.stringify(await response.json())).toContain('FORBIDDEN');
  });

  it('tells a reloaded page who is signed in and the same CSRF token, and tells a stranger no one is', async () => {
    const { cookie, csrf } = await signIn(api.adminKey);

    const again = (await (await fetch(`${api.url}/session`, { headers: { cookie } })).json()) as Record<string, unknown>;
    const stranger = (await (await fetch(`${api.url}/session`)).json()) as Record<string, unknown>;

    expect(again).toMatchObject({ signedIn: true, csrfToken: csrf, name: 'bootstrap admin' });
    expect(stranger).toMatchObject({ signedIn: false });
  });

  it('ends the session when its key is revoked', async () => {
    const editor = await api.keyWithRole('EDITOR');
    const { cookie, csrf } = await signIn(editor.secret);
    await api.graphql(`mutation { revokeApiKey(keyId: "${editor.keyId}") { keyId } }`);

    const response = await graphql({ cookie, 'x-zixly-csrf': csrf });

    expect([response.status, await reasonOf(response)]).toEqual([401, 'auth.revoked_key']);
  });

  it('signs out only with the CSRF token, after which the cookie is refused', async () => {
    const { cookie, csrf } = await signIn(api.adminKey);

    const forged = await fetch(`${api.url}/session`, { method: 'DELETE', headers: { cookie } });
    const signedOut = await fetch(`${api.url}/session`, { method: 'DELETE', headers: { cookie, 'x-zixly-csrf': csrf } });
    const after = await graphql({ cookie, 'x-zixly-csrf': csrf });

    expect(forged.status).toBe(403);
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toContain('Max-Age=0');
    expect([after.status, await reasonOf(after)]).toEqual([401, 'auth.session_expired']);
  });

  it('serves the export to the cookie with its CSRF token', async () => {
    const { cookie, csrf } = await signIn(api.adminKey);

    const withToken = await fetch(`${api.url}/export/events.ndjson?categories=ApiKey`, { headers: { cookie, 'x-zixly-csrf': csrf } });
    const without = await fetch(`${api.url}/export/events.ndjson?categories=ApiKey`, { headers: { cookie } });

    expect(withToken.status).toBe(200);
    expect((await withToken.text()).split('\n').filter(Boolean).length).toBeGreaterThan(0);
    expect(without.status).toBe(401);
  });

  it('accepts a subscription connection with the cookie and its CSRF token in the connection parameters, and closes one without', async () => {
    const { cookie, csrf } = await signIn(api.adminKey);

    expect(await handshake(cookie, { csrfToken: csrf })).toBe('connection_ack');
    expect(await handshake(cookie, {})).toBe(4401);
  });
});
