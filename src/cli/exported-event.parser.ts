import type { EventSource, NewEvent, NewEventMetadata } from '../core/messages';

/** One line of an export, ready to append where it was: its stream and revision. */
export interface ExportedEvent {
  readonly stream: string;
  readonly revision: bigint;
  readonly event: NewEvent;
}

/** A line that is not an exported event; names the line so the file can be fixed. */
export class ImportLineError extends Error {
  constructor(lineNumber: number, problem: string) {
    super(`line ${lineNumber}: ${problem}`);
    this.name = 'ImportLineError';
  }
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(fields: Fields, name: string, lineNumber: number): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') throw new ImportLineError(lineNumber, `"${name}" must be a non-empty string`);
  return value;
}

/**
 * Parses a line as `zixly events export` and `GET /export/events.ndjson` write it. The store stamps
 * `recordedAt` again on append; everything else — id, type, data, metadata — is kept.
 */
export function parseExportedEvent(line: string, lineNumber: number): ExportedEvent {
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    throw new ImportLineError(lineNumber, 'not JSON');
  }
  if (!isObject(fields)) throw new ImportLineError(lineNumber, 'not a JSON object');
  const revision = text(fields, 'revision', lineNumber);
  if (!/^\d+$/.test(revision)) throw new ImportLineError(lineNumber, `"revision" must be a whole number as a string, got "${revision}"`);
  if (!isObject(fields.data)) throw new ImportLineError(lineNumber, '"data" must be an object');
  if (!isObject(fields.metadata)) throw new ImportLineError(lineNumber, '"metadata" must be an object');
  return {
    stream: text(fields, 'stream', lineNumber),
    revision: BigInt(revision),
    event: { id: text(fields, 'id', lineNumber), type: text(fields, 'type', lineNumber), data: fields.data, metadata: metadataOf(fields.metadata, lineNumber) },
  };
}

function metadataOf(metadata: Fields, lineNumber: number): NewEventMetadata {
  const causationId = metadata.causationId ?? null;
  if (causationId !== null && typeof causationId !== 'string') throw new ImportLineError(lineNumber, '"metadata.causationId" must be a string or null');
  const source = metadata.source;
  if (source !== undefined && !(isObject(source) && typeof source.tool === 'string' && typeof source.externalId === 'string')) {
    throw new ImportLineError(lineNumber, '"metadata.source" must have a tool and an externalId');
  }
  return {
    occurredAt: text(metadata, 'occurredAt', lineNumber),
    correlationId: text(metadata, 'correlationId', lineNumber),
    causationId,
    actor: text(metadata, 'actor', lineNumber),
    ...(source ? { source: source as unknown as EventSource } : {}),
  };
}
