import { createHash } from 'node:crypto';

/**
 * A stored event that cannot be read as it was written: its checksum does not match, its JSON
 * does not parse, or its row is malformed. Readers go past it; it is named here instead.
 */
export interface DamagedEvent {
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  /** The type the row claims (it may itself be what is damaged). */
  readonly type: string;
  readonly id: string;
  /** `checksum_mismatch`, `data_not_json`, `metadata_not_json`, `malformed_row`. */
  readonly reason: string;
}

/** What an event's checksum covers, as the store holds it: the JSON exactly as stored. */
export interface ChecksumFields {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint | string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * SHA-256 of the stored fields, first 132 bits in base64url: stored with each event, checked on
 * every read. It detects damage (a flipped bit, a torn or scribbled page), not a forger, who could
 * recompute it. Through `node:crypto` it costs about as much as parsing the event's JSON (a JS
 * hash over the characters measured slower).
 */
export function eventChecksum({ id, stream, revision, type, data, metadata }: ChecksumFields): string {
  return createHash('sha256').update(`${id}\n${stream}\n${revision}\n${type}\n${data}\n${metadata}`).digest('base64url').slice(0, 22);
}

/**
 * The damaged events a store met, each once (by position), in the order found. Readers record
 * into it as they go past; `/readyz`, `events verify`, the export and the projection status read it.
 */
export class EventDamageLog {
  private readonly byPosition = new Map<string, DamagedEvent>();
  private readonly listeners = new Set<(damage: DamagedEvent) => void>();
  /**
   * Every event up to this position was checked by a walk over the log in this process (damage
   * found is recorded here): readers need not hash those again, and skip the damaged ones by
   * position. Hashing every read would double the cost of reading the log.
   */
  verifiedThrough = 0n;
  private readonly damagedPositions = new Set<bigint>();

  record(damage: DamagedEvent): void {
    if (this.byPosition.has(damage.position)) return;
    this.byPosition.set(damage.position, damage);
    if (/^\d+$/.test(damage.position)) this.damagedPositions.add(BigInt(damage.position));
    for (const listener of [...this.listeners]) listener(damage);
  }

  /** Whether the event at `position` is known to be damaged. */
  isDamaged(position: bigint): boolean {
    return this.damagedPositions.size > 0 && this.damagedPositions.has(position);
  }

  list(): DamagedEvent[] {
    return [...this.byPosition.values()].sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  }

  /** Damaged events of these types at or below `through`: what a projection at `through` went past. */
  skippedBy(types: readonly string[], through: bigint | null): DamagedEvent[] {
    if (through === null) return [];
    return this.list().filter((damage) => types.includes(damage.type) && BigInt(damage.position) <= through);
  }

  onDamage(listener: (damage: DamagedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const describeDamage = (damage: DamagedEvent) =>
  `${damage.stream} revision ${damage.revision} (position ${damage.position}, ${damage.type}): ${damage.reason.replaceAll('_', ' ')}`;
