import type { RecordedEvent } from '../../core/messages';

interface Pending {
  dueAt: number;
  /** Where a restarted worker must resume to see this delivery again (null: from the beginning). */
  readonly resumeAfter: bigint | null;
}

/**
 * The deliveries awaiting an attempt, built from the `WebhookDelivery` events the worker follows.
 * Its checkpoint is a low-water mark: the position before the oldest unsettled delivery's
 * Received (or Redriven) event, so a restart replays from there and rebuilds the same set,
 * retry times included (they are in the Failed events).
 */
export class PendingDeliveries {
  private readonly pending = new Map<string, Pending>();
  private lastSeen: bigint | null;

  constructor(start: bigint | null) {
    this.lastSeen = start;
  }

  observe(event: RecordedEvent, now: number): void {
    const deliveryId = (event.data as { deliveryId?: unknown }).deliveryId;
    const resumeAfter = this.lastSeen;
    this.lastSeen = event.position;
    if (typeof deliveryId !== 'string') return;
    switch (event.type) {
      case 'WebhookDeliveryReceived':
      case 'WebhookDeliveryRedriven':
        if (!this.pending.has(deliveryId)) this.pending.set(deliveryId, { dueAt: now, resumeAfter });
        return;
      case 'WebhookDeliveryFailed': {
        const retryAt = (event.data as { retryAt?: string | null }).retryAt;
        const entry = this.pending.get(deliveryId);
        if (entry && retryAt) entry.dueAt = Date.parse(retryAt);
        return;
      }
      case 'WebhookDeliveryProcessed':
      case 'WebhookDeliveryIgnored':
      case 'WebhookDeliveryParked':
        this.pending.delete(deliveryId);
    }
  }

  settle(deliveryId: string): void {
    this.pending.delete(deliveryId);
  }

  retryAt(deliveryId: string, at: number): void {
    const entry = this.pending.get(deliveryId);
    if (entry) entry.dueAt = at;
  }

  /**
   * The `limit` earliest due deliveries, earliest first (ties in arrival order), leaving out those
   * `busy` with an attempt. One pass keeping the earliest few: the worker asks for its free slots
   * out of a backlog that can hold thousands, after every attempt.
   */
  due(now: number, busy: ReadonlySet<string>, limit = Number.POSITIVE_INFINITY): string[] {
    const earliest: Array<{ id: string; dueAt: number }> = [];
    if (limit <= 0) return [];
    for (const [id, { dueAt }] of this.pending) {
      if (dueAt > now || busy.has(id)) continue;
      if (earliest.length >= limit && dueAt >= earliest[earliest.length - 1]!.dueAt) continue;
      let at = earliest.length;
      while (at > 0 && earliest[at - 1]!.dueAt > dueAt) at--;
      earliest.splice(at, 0, { id, dueAt });
      if (earliest.length > limit) earliest.pop();
    }
    return earliest.map(({ id }) => id);
  }

  nextDueAt(busy: ReadonlySet<string>): number | null {
    let next: number | null = null;
    for (const [id, entry] of this.pending) if (!busy.has(id) && (next === null || entry.dueAt < next)) next = entry.dueAt;
    return next;
  }

  /** Position of the last event observed (null: none yet). */
  get position(): bigint | null {
    return this.lastSeen;
  }

  get size(): number {
    return this.pending.size;
  }

  /** The position to resume after; null means from the beginning. */
  checkpoint(): bigint | null {
    let low = this.lastSeen;
    for (const { resumeAfter } of this.pending.values()) {
      if (resumeAfter === null) return null;
      if (low === null || resumeAfter < low) low = resumeAfter;
    }
    return low;
  }
}
