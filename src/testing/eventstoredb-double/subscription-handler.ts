import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadResp, type ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { eventFilterOf } from './event-filter';
import type { InMemoryEventLog } from './in-memory-event-log';
import { readEventResponse } from './proto-mapping';

/**
 * Catch-up subscription to `$all`: confirmation, the stored events after the start position
 * (exclusive, as the server resumes from a checkpoint), a checkpoint when filtered, `caughtUp`,
 * then live events until the client cancels. Backlog and live registration happen in one tick, so
 * nothing falls in between.
 */
export function subscribeToAll(log: InMemoryEventLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
  const allOptions = options.getAll()!;
  const accepts = eventFilterOf(options);
  const after = allOptions.hasPosition() ? BigInt(allOptions.getPosition()!.getCommitPosition()) : null;
  const backlog = allOptions.hasEnd() ? [] : log.eventsAfter(after);

  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  for (const event of backlog) if (accepts(event)) call.write(readEventResponse(event, 'all'));
  const scannedUpTo = backlog.at(-1)?.position ?? after ?? log.lastPosition();
  if (options.hasFilter() && scannedUpTo !== null) call.write(checkpoint(scannedUpTo));
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));

  const stop = log.onAppended((event) => {
    if (accepts(event)) call.write(readEventResponse(event, 'all'));
  });
  call.on('cancelled', stop);
  call.on('close', stop);
}

function checkpoint(position: bigint): ReadResp {
  const value = position.toString();
  return new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(value).setPreparePosition(value));
}
