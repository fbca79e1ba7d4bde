import type { GraphQLFormattedError } from 'graphql';
import type { AppServices } from '../app-services';
import type { Role } from '../schema/context';
import type { SchemaServices } from '../schema/schema-services';
import { TestApi } from './api-harness';

export interface ApiResponse<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/**
 * The composed app over HTTP (`TestApi`), called as a caller with a role: one API key per role,
 * created through the API on first use. `services` is there for assertions on the stores.
 */
export class ApiClient {
  private readonly keys = new Map<Role, Promise<{ keyId: string; secret: string }>>();

  private constructor(private readonly api: TestApi) {}

  /** `env` adds configuration, e.g. `MONGODB_URL` to run the app on the MongoDB read store. */
  static async start(env: Record<string, string> = {}): Promise<ApiClient> {
    return new ApiClient(await TestApi.start(env));
  }

  get services(): AppServices {
    return this.api.app.services;
  }

  /** What the resolvers see, with the API's caches. */
  get schemaServices(): SchemaServices {
    return this.api.app.schemaServices;
  }

  /** The key id the API records as `apikey:<keyId>` for callers with this role. */
  async keyIdOf(role: Role): Promise<string> {
    return (await this.keyFor(role)).keyId;
  }

  /** Executes an operation; `role` null sends no API key. */
  async execute<T = Record<string, any>>(
    source: string,
    variables: Record<string, unknown> = {},
    role: Role | null = 'EDITOR',
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const key = role === null ? null : (await this.keyFor(role)).secret;
    const { status, body } = await this.api.graphql<T, Record<string, unknown>>(source, variables, { key, headers });
    return { status, data: body.data, ...(body.errors ? { errors: body.errors } : {}) };
  }

  stop(): Promise<void> {
    return this.api.stop();
  }

  private keyFor(role: Role): Promise<{ keyId: string; secret: string }> {
    let key = this.keys.get(role);
    if (!key) {
      key = this.api.keyWithRole(role);
      this.keys.set(role, key);
    }
    return key;
  }
}
