import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../testing/api-harness';

/** A stand-in for `vite build`'s output, so serving is tested without building the app. */
const webRoot = mkdtempSync(join(tmpdir(), 'zixly-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Zixly Ops</title><script type="module" src="/assets/main-abc123.js"></script>');
writeFileSync(join(webRoot, 'graphiql.html'), '<!doctype html><title>Zixly Ops · GraphQL IDE</title>');
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4_000))});`);

let api: TestApi;
let withoutBuild: TestApi;
beforeAll(async () => {
  api = await TestApi.start({}, { webRoot });
  withoutBuild = await TestApi.start({}, { webRoot: join(webRoot, 'missing') });
});
afterAll(async () => {
  await api?.stop();
  await withoutBuild?.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the web app served by the product', () => {
  it('serves the dashboard page at / with a content security policy, revalidated on every visit', async () => {
    const response = await fetch(`${api.url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Zixly Ops</title>');
  });

  it('answers a page the browser already holds with 304', async () => {
    const first = await fetch(`${api.url}/`);

    const again = await fetch(`${api.url}/`, { headers: { 'if-none-match': first.headers.get('etag')! } });

    expect(again.status).toBe(304);
  });

  it('serves hashed bundles gzipped and cached for a year', async () => {
    const response = await fetch(`${api.url}/assets/main-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    const raw = Buffer.from(await response.arrayBuffer());

    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself: the length header tells what travelled.
    expect(Number(response.headers.get('content-length'))).toBeLessThan(200);
    expect(raw.toString()).toContain('xxxx');
  });

  it('answers 404 for a file that is not in the build, and never reads outside it', async () => {
    for (const path of ['/assets/nope.js', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const response = await fetch(`${api.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${api.url}/`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('serves the bundled GraphQL IDE to a browser opening /graphql, and GraphQL to clients on the same path', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ projections { nodes { name } } }')}`, { headers: { ...api.authorization(), 'apollo-require-preflight': 'true' } });
    const post = await api.graphql('{ projections { nodes { name } } }');

    expect(await page.text()).toContain('GraphQL IDE');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(get.status).toBe(200);
    expect(post.body.data).toBeTruthy();
  });

  it('says how to build the app when it was not built', async () => {
    const response = await fetch(`${withoutBuild.url}/`);

    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
