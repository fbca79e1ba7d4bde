import { Metadata, status, type ServerDuplexStream, type ServerReadableStream, type sendUnaryData } from '@grpc/grpc-js';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, Empty, MaximumAppendSizeExceeded, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import type { AppendOutcome, ExpectedState, ProposedEvent } from './in-memory-event-log';
import { expectedStateOfAppend, expectedStateOfBatch, proposedEventOf, streamNameOf } from './proto-mapping';
import type { Appender } from './system-events';

/** `Append`: client streaming, options first, then one proposed message per event. */
export function handleAppend(append: Appender) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) events.push(proposedEventOf(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (options === undefined) return callback({ code: status.INVALID_ARGUMENT, details: 'Append options were not sent first' });
      if (exceedsMaxAppendSize(events)) return callback(maxAppendSizeError());
      const expected = expectedStateOfAppend(options);
      callback(null, appendResponse(append(streamNameOf(options.getStreamIdentifier()), expected, events), expected));
    });
  };
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (!outcome.ok) return new AppendResp().setWrongExpectedVersion(appendWrongExpectedVersion(outcome.currentRevision, expected));
  const success = new AppendResp.Success();
  if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position === null) success.setNoPosition(new Empty());
  else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
  return new AppendResp().setSuccess(success);
}

function appendWrongExpectedVersion(current: bigint, expected: ExpectedState): AppendResp.WrongExpectedVersion {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current < 0n) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  return wrong;
}

/** The server's default limit, over roughly what the events take in the log. */
const maxAppendSize = 1_048_576;

function exceedsMaxAppendSize(events: readonly ProposedEvent[]): boolean {
  return events.reduce((size, event) => size + event.data.length + event.customMetadata.length + event.type.length, 0) > maxAppendSize;
}

/** `Append` reports it as a status whose trailers name the exception, as the server does. */
function maxAppendSizeError() {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return { code: status.INVALID_ARGUMENT, details: `Maximum Append Size of ${maxAppendSize} Exceeded.`, metadata };
}

function maxAppendSizeStatus(): Status {
  const packed = new Any();
  packed.pack(new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
  return new Status().setCode(Code.INVALID_ARGUMENT).setMessage(`Maximum Append Size of ${maxAppendSize} Exceeded.`).setDetails(packed);
}

interface PendingBatch {
  options?: BatchAppendReq.Options;
  readonly events: ProposedEvent[];
}

/**
 * `BatchAppend`: one long-lived bidirectional stream per client; each request carries a correlation
 * id, the first one of a batch its options, the last one `is_final`. One response per batch.
 */
export function handleBatchAppend(append: Appender) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      const batch = pending.get(key) ?? { events: [] };
      if (request.hasOptions()) batch.options = request.getOptions();
      batch.events.push(...request.getProposedMessagesList().map(proposedEventOf));
      pending.set(key, batch);
      if (!request.getIsFinal() || batch.options === undefined) return;
      pending.delete(key);
      if (exceedsMaxAppendSize(batch.events)) {
        const response = new BatchAppendResp().setStreamIdentifier(batch.options.getStreamIdentifier()).setError(maxAppendSizeStatus());
        return call.write(response.setCorrelationId(correlation));
      }
      const expected = expectedStateOfBatch(batch.options);
      const outcome = append(streamNameOf(batch.options.getStreamIdentifier()), expected, batch.events);
      call.write(batchResponse(outcome, expected, batch.options).setCorrelationId(correlation));
    });
    call.on('end', () => call.end());
  };
}

function batchResponse(outcome: AppendOutcome, expected: ExpectedState, options: BatchAppendReq.Options): BatchAppendResp {
  const response = new BatchAppendResp().setStreamIdentifier(options.getStreamIdentifier());
  if (expected.kind === 'revision') response.setStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') response.setNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') response.setStreamExists(new ProtobufEmpty());
  else response.setAny(new ProtobufEmpty());
  if (!outcome.ok) return response.setError(wrongExpectedVersionStatus(outcome.currentRevision, expected));
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision < 0n) success.setNoStream(new ProtobufEmpty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position === null) success.setNoPosition(new ProtobufEmpty());
  else success.setPosition(new AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
  return response.setSuccess(success);
}

/** Batch errors travel as a google.rpc.Status whose details pack the shared WrongExpectedVersion. */
function wrongExpectedVersionStatus(current: bigint, expected: ExpectedState): Status {
  const details = new WrongExpectedVersion();
  if (current < 0n) details.setCurrentNoStream(new ProtobufEmpty());
  else details.setCurrentStreamRevision(current.toString());
  if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') details.setExpectedNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new ProtobufEmpty());
  else details.setExpectedAny(new ProtobufEmpty());
  const packed = new Any();
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.FAILED_PRECONDITION).setMessage('Wrong expected version').setDetails(packed);
}
