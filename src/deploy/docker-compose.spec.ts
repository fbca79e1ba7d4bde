import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
}

// Docker cannot run where this project is built and tested, so the compose file is checked by reading.
const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { eventstore, mongo, api } = compose.services;

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

  it('starts the API on port 4000 against both stores once they are healthy', () => {
    expect(api?.build).toBeDefined();
    expect(api?.ports).toContain('4000:4000');
    expect(String(api?.environment?.EVENTSTORE_URL)).toMatch(/^esdb:\/\/eventstore:2113/);
    expect(String(api?.environment?.MONGODB_URL)).toMatch(/^mongodb:\/\/mongo:27017\/.*replicaSet=rs0/);
    expect(api?.depends_on).toEqual({ eventstore: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } });
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(compose.services).flatMap((service) => (service.volumes ?? []).map((volume) => volume.split(':')[0]!));
    for (const volume of named) expect(Object.keys(compose.volumes)).toContain(volume);
  });
});
