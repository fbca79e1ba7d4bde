import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import type { ApiKeyCommand } from '../../aggregates/api-key/api-key.commands';
import { apiKeyStream } from '../../aggregates/api-key/api-key.decider';
import { apiKeyCategory, type ApiKeyEvent, apiKeyEventTypes } from '../../aggregates/api-key/api-key.events';
import type { Principal, Role } from '../../aggregates/api-key/api-key.role';
import { apiKeyRoutes } from '../../aggregates/api-key/api-key.routes';
import { UnauthorizedError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { Reactor } from '../../core/reactor';
import { ReactorLoop } from '../../core/reactor-loop';
import type { Clock } from '../../core/time';
import { hashOfSecret, keyIdOf, looksLikeApiKey, newApiKeySecret } from './api-key.secret';

export interface ApiKeyView {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

interface IndexedKey extends ApiKeyView {
  readonly hash: string;
  /** Position of the last event applied: the live feed and the writer may both deliver an event. */
  readonly position: bigint;
}

export interface Actor {
  readonly actor: string;
  readonly correlationId: string;
}

/**
 * API keys, event-sourced in `ApiKey-<keyId>` streams. Authentication reads an in-memory index
 * kept by a reactor (`reactor`, run by the composition root's processors): it reads the whole
 * category before the first request, then follows the log. This process's own writes are applied
 * at once so a revoked key is refused by the very next request.
 */
export class ApiKeys {
  private readonly byHash = new Map<string, IndexedKey>();
  private readonly byId = new Map<string, IndexedKey>();
  private readonly commands: CommandBus<ApiKeyCommand>;
  private loop: ReactorLoop | null = null;
  private readonly listeners = new Set<(keyId: string) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {
    this.commands = createCommandBus(store, apiKeyRoutes);
  }

  /** The index as a reactor: held in memory, so it keeps no checkpoint and reads the category again at each start. */
  readonly reactor: Reactor = {
    name: 'api-key-index',
    types: apiKeyEventTypes,
    categories: [apiKeyCategory],
    startAt: 'beginning',
    checkpointKey: null,
    catchUpBeforeStart: true,
    handle: (event) => this.apply(event),
  };

  /** For a process without the composition root's processors (the CLI): runs the index's reactor here. */
  async start(): Promise<void> {
    this.loop = new ReactorLoop(this.reactor, { eventStore: this.store, clock: this.clock });
    await this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
  }

  /** The caller behind a bearer secret; unknown and revoked keys are refused with a reason. */
  authenticate(secret: string): Principal {
    const key = looksLikeApiKey(secret) ? this.byHash.get(hashOfSecret(secret)) : undefined;
    if (!key) throw new UnauthorizedError('auth.invalid_key', 'Invalid API key');
    if (key.revokedAt !== null) throw new UnauthorizedError('auth.revoked_key', `API key "${key.name}" was revoked`);
    return { keyId: key.keyId, name: key.name, role: key.role };
  }

  /** The caller behind a key id (a web session remembers the id, never the secret); refused once revoked. */
  principalOfKey(keyId: string): Principal {
    const key = this.byId.get(keyId);
    if (!key) throw new UnauthorizedError('auth.invalid_key', 'Invalid API key');
    if (key.revokedAt !== null) throw new UnauthorizedError('auth.revoked_key', `API key "${key.name}" was revoked`);
    return { keyId: key.keyId, name: key.name, role: key.role };
  }

  /** Creates a key and returns its secret: the only time the secret is ever visible. */
  async create(name: string, role: Role, by: Actor): Promise<{ key: ApiKeyView; secret: string }> {
    const secret = newApiKeySecret();
    const key = await this.register(secret, name, role, by);
    return { key, secret };
  }

  /** Registers a known secret (the bootstrap admin key); the same secret always gives the same key. */
  async register(secret: string, name: string, role: Role, by: Actor): Promise<ApiKeyView> {
    const hash = hashOfSecret(secret);
    const keyId = keyIdOf(hash);
    await this.execute(keyId, { type: 'CreateApiKey', data: { keyId, name, role, hash }, occurredAt: this.clock().toISOString() }, by);
    return this.viewOf(this.byId.get(keyId)!);
  }

  async revoke(keyId: string, by: Actor): Promise<ApiKeyView> {
    await this.execute(keyId, { type: 'RevokeApiKey', data: { keyId }, occurredAt: this.clock().toISOString() }, by);
    return this.viewOf(this.byId.get(keyId)!);
  }

  /**
   * Calls `listener` with a key's id whenever that key changes (revoked here or in another
   * process), so live connections can re-check their key at once. Returns the unsubscribe.
   */
  onKeyChanged(listener: (keyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): ApiKeyView[] {
    return [...this.byId.values()].map((key) => this.viewOf(key)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
  }

  private async execute(keyId: string, command: ApiKeyCommand, by: Actor): Promise<void> {
    const stream = apiKeyStream(keyId);
    const result = await this.commands.execute(command, { actor: by.actor, correlationId: by.correlationId });
    for (const event of result.events) this.apply(event);
    // An idempotent no-op may concern a key this index has not seen yet (written by another process).
    if (!this.byId.has(keyId)) for await (const event of this.store.readStream(stream)) this.apply(event);
  }

  private apply(event: RecordedEvent): void {
    const { type, data } = event as unknown as ApiKeyEvent;
    const current = this.byId.get(data.keyId);
    if (current && current.position >= event.position) return;
    if (type === 'ApiKeyCreated') {
      this.index({ keyId: data.keyId, name: data.name, role: data.role, hash: data.hash, createdAt: data.createdAt, revokedAt: null, position: event.position });
    } else if (type === 'ApiKeyRevoked' && current) {
      this.index({ ...current, revokedAt: data.revokedAt, position: event.position });
    }
  }

  private index(key: IndexedKey): void {
    this.byId.set(key.keyId, key);
    this.byHash.set(key.hash, key);
    for (const listener of this.listeners) listener(key.keyId);
  }

  private viewOf({ keyId, name, role, createdAt, revokedAt }: IndexedKey): ApiKeyView {
    return { keyId, name, role, createdAt, revokedAt };
  }
}
