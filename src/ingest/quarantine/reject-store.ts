import type { DocumentWrite, FindResult, ReadDocument, ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { WebhookRejectionReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';

/** `WEBHOOK_REJECTS_MAX_COUNT`, `…_MAX_BYTES`, `…_MAX_AGE_HOURS`: what is kept of unauthenticated rejects. */
export interface RejectRetention {
  readonly maxCount: number;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

export const defaultRejectRetention: RejectRetention = { maxCount: 1_000, maxBytes: 4 * 1024 * 1024, maxAgeMs: 7 * 24 * 3_600_000 };

/** One request refused before its sender was authenticated, as kept for an admin. */
export interface RejectFields {
  readonly tool: string;
  readonly reason: WebhookRejectionReason;
  readonly receivedAt: string;
  readonly detail: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly excerpt: string;
  readonly bodyBytes: number;
}

export type RejectDocument = ReadDocument & RejectFields;

export const rejectsCollection = 'webhook_rejects';
const checkpointName = 'webhook-rejects';

type Slot = { readonly id: string; position: bigint; receivedAtMs: number; bytes: number; used: boolean };

/**
 * Bounded storage for rejects from unauthenticated senders, outside the immutable log: a ring of
 * at most `maxCount` slots (documents `slot-<n>` in the read store, each overwritten in turn), and
 * of those only the newest that fit in `maxBytes` and are younger than `maxAgeMs`. Whatever a
 * sender does, the storage stays within the bounds; the oldest record goes first. Two processes
 * sharing a read store share the ring (the newer write of a slot wins): still bounded.
 */
export class RejectStore {
  private sequence = 0n;
  private readonly slots: Slot[];
  private loaded: Promise<void> | null = null;
  /** Records are written one at a time: each picks its slot from what the previous one left. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly reads: ReadStore,
    readonly retention: RejectRetention,
    private readonly clock: Clock,
  ) {
    this.slots = Array.from({ length: retention.maxCount }, (_, index) => ({ id: `slot-${index}`, position: 0n, receivedAtMs: 0, bytes: 0, used: false }));
  }

  /** Keeps the reject in the oldest (or a free) slot, then drops what is past the age or byte bounds. */
  record(reject: RejectFields): Promise<void> {
    const next = this.queue.then(() => this.recordNow(reject));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The slots as stored, read once (a restart keeps what was kept). */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await this.reads.getMany<RejectDocument>(rejectsCollection, this.slots.map((slot) => slot.id));
      for (const slot of this.slots) {
        const found = stored.get(slot.id);
        if (!found || found.document === null) continue;
        Object.assign(slot, { position: found.position, receivedAtMs: Date.parse(found.document.receivedAt), bytes: JSON.stringify(found.document).length, used: true });
      }
    })();
    return this.loaded;
  }

  private async recordNow(reject: RejectFields): Promise<void> {
    await this.load();
    const now = this.clock().getTime();
    const slot = this.slots.reduce((oldest, candidate) => (!candidate.used ? (oldest.used ? candidate : oldest) : oldest.used && candidate.position < oldest.position ? candidate : oldest));
    const document = { _id: slot.id, ...reject } as RejectDocument;
    const writes: DocumentWrite[] = [this.write(slot, document, now)];
    writes.push(...this.evictions(now));
    const position = writes.reduce((latest, write) => (write.position > latest ? write.position : latest), 0n);
    await this.reads.commit(rejectsCollection, writes, {
      projection: checkpointName,
      version: 1,
      collection: rejectsCollection,
      position,
      failure: null,
      updatedAt: new Date(now).toISOString(),
    });
  }

  /** Newest first; a record past its age is never listed, even before the next reject removes it. */
  async list(filter: { tool?: string | null; reason?: string | null }, first: number, after?: string | null): Promise<FindResult<RejectDocument>> {
    const conditions = { ...(filter.tool ? { tool: filter.tool } : {}), ...(filter.reason ? { reason: filter.reason } : {}) };
    const page = await this.reads.find<RejectDocument>(rejectsCollection, { filter: conditions, sort: [['receivedAt', -1]], limit: first, ...(after ? { after } : {}) });
    const oldest = this.clock().getTime() - this.retention.maxAgeMs;
    const kept = page.documents.map((document, index) => ({ document, cursor: page.cursors?.[index] })).filter(({ document }) => Date.parse(document.receivedAt) >= oldest);
    return { ...page, documents: kept.map(({ document }) => document), ...(page.cursors ? { cursors: kept.map(({ cursor }) => cursor!) } : {}) };
  }

  /** What is kept now: the numbers the bounds apply to. */
  async usage(): Promise<{ count: number; bytes: number }> {
    await this.queue;
    await this.load();
    const used = this.slots.filter((slot) => slot.used);
    return { count: used.length, bytes: used.reduce((total, slot) => total + slot.bytes, 0) };
  }

  private write(slot: Slot, document: RejectDocument | null, now: number): DocumentWrite {
    // Positions only grow, even within one millisecond, so the read store's guard lets each write in.
    this.sequence += 1n;
    const position = BigInt(now) * 1_000n + (this.sequence % 1_000n);
    slot.position = position > slot.position ? position : slot.position + 1n;
    slot.used = document !== null;
    slot.bytes = document === null ? 0 : JSON.stringify(document).length;
    slot.receivedAtMs = document === null ? 0 : Date.parse(document.receivedAt);
    return { id: slot.id, position: slot.position, document };
  }

  private evictions(now: number): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    const used = this.slots.filter((slot) => slot.used).sort((a, b) => (a.position < b.position ? -1 : 1));
    let bytes = used.reduce((total, slot) => total + slot.bytes, 0);
    for (const slot of used.slice(0, -1)) {
      const expired = now - slot.receivedAtMs > this.retention.maxAgeMs;
      if (!expired && bytes <= this.retention.maxBytes) break;
      bytes -= slot.bytes;
      writes.push(this.write(slot, null, now));
    }
    return writes;
  }
}
