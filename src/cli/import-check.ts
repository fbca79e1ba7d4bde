import { isAppError } from '../core/errors';
import { parseInstant } from '../core/time';
import { eventDataProblem, upcastData } from '../events/event-validation';
import { platformCategories, platformCategoryOf } from '../events/platform-streams';
import { type ExportedEvent, ImportLineError, parseExportedEvent } from './exported-event.parser';

export interface ImportPermissions {
  /** `--platform`: deliveries, quarantine, identities and claims, the workflows' step ledger. */
  readonly platform: boolean;
  /** `--api-keys`: API key streams, whose ApiKeyCreated events make working keys. Never implied by `platform`. */
  readonly apiKeys: boolean;
}

/** A line that will not be appended, and why. */
export interface Refusal {
  readonly line: number;
  readonly stream: string | null;
  readonly reason: string;
}

export type LineVerdict = { readonly ok: true; readonly exported: ExportedEvent } | { readonly ok: false; readonly refusal: Refusal };

/**
 * Checks the lines of an import one by one, in file order: an exported event, of a known type
 * whose data (after upcasting) has the shape its type declares, on a stream the import may write.
 * A stream with a refused line refuses its later lines too: they would follow a gap.
 */
/** KPIs bucket events by `metadata.occurredAt`: it must be an instant. */
function instantProblem(occurredAt: string): string | null {
  try {
    parseInstant(occurredAt, 'metadata.occurredAt');
    return null;
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}

export class ImportCheck {
  private readonly refusedStreams = new Map<string, number>();

  constructor(private readonly permissions: ImportPermissions) {}

  check(line: string, lineNumber: number): LineVerdict {
    let exported: ExportedEvent;
    try {
      exported = parseExportedEvent(line, lineNumber);
    } catch (error) {
      if (!(error instanceof ImportLineError)) throw error;
      return this.refuse(lineNumber, null, error.message.replace(/^line \d+: /, ''));
    }
    const { stream, event } = exported;
    const earlier = this.refusedStreams.get(stream);
    if (earlier !== undefined) return this.refuse(lineNumber, stream, `follows refused line ${earlier} of the same stream`);
    const permission = this.permissionProblem(stream, event.type);
    if (permission) return this.refuse(lineNumber, stream, permission);
    const problem = eventDataProblem(event.type, upcastData(event).data) ?? instantProblem(event.metadata.occurredAt);
    if (problem) return this.refuse(lineNumber, stream, problem);
    return { ok: true, exported };
  }

  private permissionProblem(stream: string, type: string): string | null {
    const category = platformCategoryOf(stream, type);
    if (category === null) return null;
    if (category === 'ApiKey') return this.permissions.apiKeys ? null : `${type} on ${stream} is an API key event: import API keys only with --api-keys`;
    return this.permissions.platform ? null : `${type} on ${stream} belongs to ${platformCategories.get(category)}, a platform stream: import those only with --platform`;
  }

  private refuse(line: number, stream: string | null, reason: string): LineVerdict {
    if (stream !== null && !this.refusedStreams.has(stream)) this.refusedStreams.set(stream, line);
    return { ok: false, refusal: { line, stream, reason } };
  }
}
