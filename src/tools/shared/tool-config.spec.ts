import { describe, expect, it } from 'vitest';
import { readPlaneConfig } from '../plane/plane.config';
import { readXeroConfig } from '../xero/xero.config';
import { readToolVariables } from './tool-config';

const env = (values: Record<string, string>) => (name: string) => values[name];

describe("reading a tool's variables", () => {
  it('gives the settings once every variable is set, the URL without its trailing slashes', () => {
    const problems: string[] = [];
    const read = readToolVariables(env({ ACME_URL: 'https://acme.test//', ACME_TOKEN: 't' }), problems, { url: 'ACME_URL', token: 'ACME_TOKEN' }, { url: 'url' });
    expect([read, problems]).toEqual([{ config: { url: 'https://acme.test', token: 't' } }, []]);
  });

  it('names the variables still missing, in the order the tool declares them', () => {
    const read = readToolVariables(env({ ACME_TOKEN: 't' }), [], { url: 'ACME_URL', user: 'ACME_USER', token: 'ACME_TOKEN' }, { url: 'url' });
    expect(read).toEqual({ missing: ['ACME_URL', 'ACME_USER'] });
  });

  it('reports a URL that is not http(s), and never echoes one that is a secret', () => {
    const problems: string[] = [];
    readToolVariables(env({ ACME_URL: 'acme.test' }), problems, { url: 'ACME_URL' }, { url: 'url' });
    readToolVariables(env({ HOOK_URL: 'hooks/secret-part' }), problems, { url: 'HOOK_URL' }, { url: 'url', hiddenUrl: true });
    expect(problems).toEqual(['ACME_URL must be an http(s) URL, got "acme.test"', 'HOOK_URL must be an http(s) URL, got (hidden)']);
  });

  it("fills Xero's one public API host when XERO_API_URL is unset", () => {
    expect(readXeroConfig(env({ XERO_ACCESS_TOKEN: 'a', XERO_TENANT_ID: 't' }), [])).toEqual({ config: { apiUrl: 'https://api.xero.com', accessToken: 'a', tenantId: 't' } });
  });

  it("links to Plane at its API URL unless PLANE_WEB_URL says where people open it", () => {
    const plane = { PLANE_API_URL: 'https://plane.test/', PLANE_API_KEY: 'k', PLANE_WORKSPACE: 'w' };
    expect(readPlaneConfig(env(plane), [])).toEqual({ config: { apiUrl: 'https://plane.test', apiKey: 'k', workspace: 'w', webUrl: 'https://plane.test' } });
    expect(readPlaneConfig(env({ ...plane, PLANE_WEB_URL: 'https://app.plane.test/' }), [])).toMatchObject({ config: { webUrl: 'https://app.plane.test' } });
  });
});
