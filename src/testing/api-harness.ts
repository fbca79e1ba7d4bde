import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';
import { type RunningApp, type StartOptions, startApp } from '../app';
import { loadConfig } from '../config';
import { randomId } from '../core/ids';
import type { NewEvent } from '../core/messages';
import type { Role } from '../schema/context';

export interface GraphQLResponse<R> {
  readonly status: number;
  readonly body: { data?: R | null; errors?: GraphQLFormattedError[] };
}

export interface RequestOptions {
  /** The bearer key; defaults to the admin key, `null` sends no Authorization header. */
  readonly key?: string | null;
  readonly headers?: Record<string, string>;
}

/** The composed app on the embedded stores in a temp DATA_DIR, on a free port. */
export class TestApi {
  private constructor(
    readonly app: RunningApp,
    readonly adminKey: string,
    readonly dataDir: string,
  ) {}

  static async start(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestApi> {
    const dataDir = mkdtempSync(join(tmpdir(), 'zixly-api-'));
    const adminKey = `zx_test_admin_${randomId().replaceAll('-', '')}`;
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL', ZIXLY_ADMIN_KEY: adminKey, ...env });
    return new TestApi(await startApp(config, options), adminKey, dataDir);
  }

  get url(): string {
    return this.app.url;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async graphql<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, options: RequestOptions = {}): Promise<GraphQLResponse<R>> {
    const query = typeof document === 'string' ? document : print(document);
    return this.post({ query, variables }, options);
  }

  async post<R = unknown>(body: unknown, options: RequestOptions = {}): Promise<GraphQLResponse<R>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authorization(options), ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<R>['body'] };
  }

  authorization(options: RequestOptions = {}): Record<string, string> {
    const key = options.key === undefined ? this.adminKey : options.key;
    return key === null ? {} : { authorization: `Bearer ${key}` };
  }

  /** A fresh key with this role, created through the API as an admin would. */
  async keyWithRole(role: Role): Promise<{ keyId: string; secret: string }> {
    const { body } = await this.graphql<{ createApiKey: { keyId: string; secret: string } }, object>(
      'mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { keyId secret } }',
      { name: `${role.toLowerCase()} key`, role },
    );
    if (!body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
    return body.data.createApiKey;
  }

  /** Appends events straight to the store (the "given" of a scenario); returns their positions. */
  async given(stream: string, events: ReadonlyArray<{ type: string; data?: object; occurredAt?: string; correlationId?: string }>): Promise<bigint> {
    const newEvents: NewEvent[] = events.map((event) => ({
      id: randomId(),
      type: event.type,
      data: event.data ?? {},
      metadata: { occurredAt: event.occurredAt ?? '2026-03-01T09:00:00.000Z', correlationId: event.correlationId ?? randomId(), causationId: null, actor: 'test' },
    }));
    return (await this.app.services.eventStore.append(stream, newEvents)).position;
  }
}

export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}
