import { type Db, MongoClient, MongoServerError } from 'mongodb';
import type { LeaseGrant, LeaseStore, LeaseStoreOptions } from '../../core/lease.port';
import { systemClock } from '../../core/time';
import { translateMongoError } from './mongodb-errors';

export interface MongoLeaseStoreOptions extends LeaseStoreOptions {
  readonly url: string;
  /** Database of the leases; defaults to the one named in the URL, else `zixly_ops`. */
  readonly database?: string;
}

interface LeaseDocument {
  _id: string;
  holder: string;
  token: number;
  expiresAt: number;
}

const duplicateKey = 11000;

/**
 * Leases in the `_leases` collection. Every change is a compare-and-set on one document (filter on
 * the holder and token read, or an insert that fails with E11000 when another process inserted
 * first), which MongoDB and FerretDB both make atomic. Clocks of the hosts must agree within a
 * fraction of the TTL.
 */
export async function openMongoLeaseStore(options: MongoLeaseStoreOptions): Promise<LeaseStore> {
  const clock = options.clock ?? systemClock;
  const client = new MongoClient(options.url, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw translateMongoError(error);
  }
  const leases = leasesIn(client.db(options.database ?? databaseInUrl(options.url) ?? 'zixly_ops'));
  const run = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw translateMongoError(error);
    }
  };
  const acquire = async (name: string, holder: string, ttlMs: number): Promise<LeaseGrant | null> => {
    const now = clock().getTime();
    const expiresAt = now + ttlMs;
    const stored = await leases.findOne({ _id: name });
    if (!stored) {
      try {
        await leases.insertOne({ _id: name, holder, token: 1, expiresAt });
        return { name, holder, token: 1, expiresAt };
      } catch (error) {
        if (error instanceof MongoServerError && error.code === duplicateKey) return null;
        throw error;
      }
    }
    if (stored.holder !== holder && stored.expiresAt >= now) return null;
    const token = stored.holder === holder ? stored.token : stored.token + 1;
    const swapped = await leases.updateOne({ _id: name, holder: stored.holder, token: stored.token }, { $set: { holder, token, expiresAt } });
    return swapped.matchedCount === 1 ? { name, holder, token, expiresAt } : null;
  };
  return {
    tryAcquire: (name, holder, ttlMs) => run(() => acquire(name, holder, ttlMs)),
    release: (grant) => run(async () => void (await leases.updateOne({ _id: grant.name, holder: grant.holder, token: grant.token }, { $set: { expiresAt: clock().getTime() - 1 } }))),
    list: () => run(async () => (await leases.find({}).sort({ _id: 1 }).toArray()).map((lease) => ({ name: lease._id, holder: lease.holder, token: lease.token, expiresAt: lease.expiresAt }))),
    close: () => client.close(),
  };
}

function leasesIn(db: Db) {
  return db.collection<LeaseDocument>('_leases');
}

function databaseInUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}
