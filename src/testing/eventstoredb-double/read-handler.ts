import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { eventFilterOf } from './event-filter';
import type { InMemoryEventLog, ReadFrom, ReadRange } from './in-memory-event-log';
import { readEventResponse, streamIdentifier, streamNameOf } from './proto-mapping';
import { subscribeToAll } from './subscription-handler';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** `Read`: stream reads, `$all` reads and catch-up subscriptions to `$all` share this one method. */
export function handleRead(log: InMemoryEventLog) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (options === undefined) return fail(call, invalidArgument('Read options are missing'));
    if (options.hasUuidOption() && options.getUuidOption()!.hasStructured()) {
      return fail(call, invalidArgument('The double only answers with string UUIDs'));
    }
    if (options.hasSubscription()) {
      if (!options.hasAll()) return fail(call, unimplemented('Subscriptions to a single stream'));
      return subscribeToAll(log, call, options);
    }
    if (options.hasStream()) return readStream(log, call, options);
    readAll(log, call, options);
  };
}

function readStream(log: InMemoryEventLog, call: ReadCall, options: ReadReq.Options): void {
  const streamOptions = options.getStream()!;
  const stream = streamNameOf(streamOptions.getStreamIdentifier());
  const from: ReadFrom = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : streamOptions.hasEnd() ? 'end' : 'start';
  const events = log.readStream(stream, { from, direction: directionOf(options), count: countOf(options) });
  if (events === null) {
    call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream))));
  } else {
    for (const event of events) call.write(readEventResponse(event, 'stream'));
  }
  call.end();
}

function readAll(log: InMemoryEventLog, call: ReadCall, options: ReadReq.Options): void {
  const allOptions = options.getAll()!;
  const from: ReadFrom = allOptions.hasPosition() ? BigInt(allOptions.getPosition()!.getCommitPosition()) : allOptions.hasEnd() ? 'end' : 'start';
  const range: ReadRange = { from, direction: directionOf(options), count: countOf(options) };
  const accepts = eventFilterOf(options);
  // The server counts events it returns, not events it skipped with the filter.
  const events = log.readAll({ ...range, count: BigInt(Number.MAX_SAFE_INTEGER) }).filter(accepts);
  for (const event of events.slice(0, Number(range.count))) call.write(readEventResponse(event, 'all'));
  call.end();
}

function directionOf(options: ReadReq.Options): 'forwards' | 'backwards' {
  return options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
}

function countOf(options: ReadReq.Options): bigint {
  return options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
}

/** grpc-js turns an `error` event on a server stream into the call's final status. */
function fail(call: ReadCall, error: { code: status; details: string }): void {
  call.emit('error', error);
}

function invalidArgument(details: string) {
  return { code: status.INVALID_ARGUMENT, details };
}

function unimplemented(feature: string) {
  return { code: status.UNIMPLEMENTED, details: `${feature} are not implemented by the in-memory EventStoreDB double` };
}
