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

  /** Due deliveries, earliest first, leaving out those `busy` with an attempt. */
  due(now: number, busy: ReadonlySet<string>): string[] {
    return [...this.pending.entries()]
      .filter(([id, entry]) => entry.dueAt <= now && !busy.has(id))
      .sort((a, b) => a[1].dueAt - b[1].dueAt)
      .map(([id]) => id);
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
