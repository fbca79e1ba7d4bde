/**
 * IN-MEMORY EVENTSTOREDB DOUBLE, for tests only: a gRPC server speaking the EventStoreDB client
 * protocol (the `Streams` service, plus `ServerFeatures`), so that the real `@eventstore/db-client`
 * and our adapter run unchanged against it. It is not EventStoreDB and proves nothing about a real
 * server; the contract suite also runs against one when `EVENTSTORE_URL` is set.
 *
 * Implemented, faithful where the adapter depends on it:
 * - `Append` (options, then proposed messages) and `BatchAppend` (advertised through
 *   `ServerFeatures` as current servers do, so the client prefers it; switch off with
 *   `batchAppend: false` to exercise the client's fallback to `Append`);
 * - the default maximum append size (1 MiB, roughly counted), refused as the server does;
 * - expected revision any / no_stream / stream_exists / revision, `WrongExpectedVersion` with the
 *   current revision; idempotent retries by event id as the server's commit check decides them
 *   (same ids right after the expected revision, or anywhere in the stream for any /
 *   stream_exists), answered with the original revision and position of the last event (without
 *   a position with `idempotentPositions: false`, as older servers);
 * - `Read` of a stream forwards / backwards from start, end or a revision (inclusive) with a count,
 *   `StreamNotFound` for a missing stream; of `$all` forwards (from a position, inclusive) and
 *   backwards (exclusive) with a count and an optional server-side filter;
 * - catch-up subscriptions to `$all` from start, end or a position (exclusive), with stream-name or
 *   event-type filters (prefixes or regex), `confirmation`, a `checkpoint` when filtered,
 *   `caughtUp`, then live events;
 * - positions: one global byte-offset-like counter, commit = prepare, increasing but not contiguous,
 *   carried by stream reads too (as servers from 22.6 on);
 * - system events: a few records a fresh server has (`$User`, `$UserCreated`, `$metadata` in `$$…`
 *   streams) and a `$statsCollected` in `$stats-…` after every `statsEvery`-th append.
 *
 * NOT implemented: TLS, authentication and ACLs, persistence (everything dies with `stop()`),
 * Delete / Tombstone / stream metadata semantics ($maxAge, $tb …), projections and link events
 * (`resolveLinkTos` is ignored), subscriptions to a single stream, persistent subscriptions,
 * explicit transactions, `maxSearchWindow` and periodic live checkpoints, `fellBehind`, structured
 * UUIDs in responses, deadlines, a configurable append size, the `first/last_stream_position`
 * read trailers, cluster gossip and leader redirection, and the other services (operations, users,
 * monitoring …).
 */
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { handleAppend, handleBatchAppend } from './append-handler';
import { InMemoryEventLog } from './in-memory-event-log';
import { handleRead } from './read-handler';
import { type Appender, appenderWithStatsChatter, seedSystemEvents } from './system-events';

export interface InMemoryEventStoreDbOptions {
  /** Advertise and serve `BatchAppend`, as real servers do (default true). */
  readonly batchAppend?: boolean;
  /** Write a `$statsCollected` system event after every n-th successful append (default 2; 0 = never). */
  readonly statsEvery?: number;
  /**
   * Answer an idempotent retry with the original position, as recent servers do (default
   * true); `false` answers without one, as older servers did.
   */
  readonly idempotentPositions?: boolean;
  /** Loopback port to listen on (default 0: any free one). */
  readonly port?: number;
}

export interface InMemoryEventStoreDb {
  /** `esdb://127.0.0.1:<port>?tls=false` */
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startInMemoryEventStoreDb(options: InMemoryEventStoreDbOptions = {}): Promise<InMemoryEventStoreDb> {
  const log = new InMemoryEventLog();
  seedSystemEvents(log);
  const append = withIdempotentPositions(appenderWithStatsChatter(log, options.statsEvery ?? 2), options.idempotentPositions ?? true);
  const batchAppend = options.batchAppend ?? true;

  const server = new Server();
  const streams: UntypedServiceImplementation = {
    read: handleRead(log),
    append: handleAppend(append),
    ...(batchAppend ? { batchAppend: handleBatchAppend(append) } : {}),
  };
  server.addService(StreamsService, streams);
  if (batchAppend) server.addService(ServerFeaturesService, { getSupportedMethods: handleSupportedMethods });
  const port = await bind(server, options.port ?? 0);
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    stop: () => stop(server),
  };
}

function withIdempotentPositions(append: Appender, reported: boolean): Appender {
  if (reported) return append;
  return (stream, expected, events) => {
    const outcome = append(stream, expected, events);
    return outcome.ok && outcome.idempotent ? { ...outcome, position: null } : outcome;
  };
}

function handleSupportedMethods(_call: unknown, callback: (error: null, methods: SupportedMethods) => void): void {
  const method = (methodName: string) =>
    new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(methodName);
  const methods = new SupportedMethods()
    .setEventStoreServerVersion('23.10.0-in-memory-double')
    .setMethodsList([method('Read'), method('Append'), method('BatchAppend')]);
  callback(null, methods);
}

function bind(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port)));
  });
}

/** Cuts open calls (subscriptions never end on their own), like a server going away. */
function stop(server: Server): Promise<void> {
  server.forceShutdown();
  return Promise.resolve();
}
