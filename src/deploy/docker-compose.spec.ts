import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  deploy?: { replicas?: number };
  configs?: Array<{ source: string; target: string }>;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  env_file?: Array<{ path: string; required: boolean }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

// Docker cannot run where this project is built and tested, so the compose file is checked by reading.
// Compose resolves `<<` merge keys; the app services share one environment through them.
const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  configs: Record<string, { content: string }>;
};
const { eventstore, mongo, api, worker, proxy } = compose.services;
const dockerfile = readFileSync(join(__dirname, '../../Dockerfile'), 'utf8');
const documentedVariables = readFileSync(join(__dirname, '../../.env.example'), 'utf8').match(/^#?[A-Z][A-Z0-9_]+(?==)/gm)!.map((name) => name.replace('#', ''));
const storesHealthy = { eventstore: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } };
const seconds = (duration: string | undefined) => Number(/^(\d+)s$/.exec(duration ?? '')?.[1] ?? Number.NaN);

describe('docker-compose.yml', () => {
  it('runs EventStoreDB single-node and insecure, with a persistent volume and a health check', () => {
    expect(eventstore?.image).toMatch(/^eventstore\/eventstore:\d/);
    expect(eventstore?.environment).toMatchObject({ EVENTSTORE_CLUSTER_SIZE: 1, EVENTSTORE_INSECURE: 'true' });
    expect(eventstore?.ports).toContain('2113:2113');
    expect(eventstore?.volumes?.some((volume) => volume.endsWith(':/var/lib/eventstore'))).toBe(true);
    expect(eventstore?.healthcheck?.test).toBeDefined();
  });

  it('runs MongoDB as a single-node replica set that initiates itself, with a persistent volume', () => {
    expect(mongo?.image).toMatch(/^mongo:\d/);
    expect(mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(JSON.stringify(mongo?.healthcheck?.test)).toContain('rs.initiate');
    expect(mongo?.volumes?.some((volume) => volume.endsWith(':/data/db'))).toBe(true);
  });

  it('starts two stateless API replicas (zixly serve --no-processors) against both stores once they are healthy', () => {
    expect(api?.build).toBeDefined();
    expect(api?.command).toEqual(['node', 'dist/cli/zixly.js', 'serve', '--no-processors']);
    expect(api?.deploy?.replicas).toBe(2);
    expect(api?.ports).toBeUndefined();
    expect(api?.environment).toMatchObject({ PORT: 4000, NODE_ENV: 'production', PROCESSORS: 'none' });
    expect(String(api?.environment?.EVENTSTORE_URL)).toMatch(/^esdb:\/\/eventstore:2113/);
    expect(String(api?.environment?.MONGODB_URL)).toMatch(/^mongodb:\/\/mongo:27017\/.*replicaSet=rs0/);
    expect(api?.depends_on).toEqual(storesHealthy);
  });

  it('calls each API replica healthy once it is ready (/readyz on its port), and lets it stop gracefully before SIGKILL', () => {
    expect(JSON.stringify(api?.healthcheck?.test)).toContain('http://127.0.0.1:4000/readyz');
    expect(seconds(api?.stop_grace_period) * 1000).toBeGreaterThan(Number(api?.environment?.SHUTDOWN_TIMEOUT_MS));
  });

  it('runs two workers with zixly worker under leases: the API’s environment with every processor, probes on WORKER_PORT', () => {
    expect(worker?.image).toBe(api?.image);
    expect(worker?.command).toEqual(['node', 'dist/cli/zixly.js', 'worker']);
    expect(worker?.deploy?.replicas).toBe(2);
    expect(worker?.ports).toBeUndefined();
    expect(worker?.environment).toEqual({ ...api?.environment, PROCESSORS: 'all' });
    expect(worker?.environment?.LEASE_TTL_MS).toBeDefined();
    expect(JSON.stringify(worker?.healthcheck?.test)).toContain(`http://127.0.0.1:${worker?.environment?.WORKER_PORT}/readyz`);
    expect(worker?.depends_on).toEqual(storesHealthy);
    expect(seconds(worker?.stop_grace_period) * 1000).toBeGreaterThan(Number(worker?.environment?.SHUTDOWN_TIMEOUT_MS));
  });

  it('balances port 4000 over every API replica through a proxy that starts once the API is healthy', () => {
    expect(proxy?.ports).toEqual(['4000:4000']);
    expect(proxy?.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(proxy?.healthcheck?.test).toBeDefined();
    const caddyfile = compose.configs[proxy!.configs![0]!.source]!.content;
    expect(caddyfile).toMatch(/dynamic a api 4000/);
    expect(caddyfile).toMatch(/lb_policy round_robin/);
  });

  it('gives the app processes only settings the configuration knows, and an optional .env for the rest', () => {
    for (const service of [api, worker]) {
      expect(Object.keys(service?.environment ?? {}).filter((name) => !documentedVariables.includes(name))).toEqual([]);
      expect(service?.env_file).toEqual([{ path: '.env', required: false }]);
    }
  });

  it('builds an image that runs zixly serve', () => {
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/cli\/zixly\.js", "serve"\]$/m);
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(compose.services).flatMap((service) => (service.volumes ?? []).map((volume) => volume.split(':')[0]!));
    for (const volume of named) expect(Object.keys(compose.volumes)).toContain(volume);
  });
});
