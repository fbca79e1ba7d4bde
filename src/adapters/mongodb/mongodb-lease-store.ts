import { type Collection, type Db, MongoClient, MongoServerError } from 'mongodb';
import type { LeaseGrant, LeaseStore, LeaseStoreOptions } from '../../core/lease.port';
import { systemClock } from '../../core/time';
import { translateMongoError } from './mongodb-errors';

export interface MongoLeaseStoreOptions extends LeaseStoreOptions {
  readonly url: string;
  /** Database of the leases; defaults to the one named in the URL, else `zixly_ops`. */
  readonly database?: string;
}

/** One grant of a lease: `_id` is `<name>#<token>`, so each token can be inserted once only. */
interface GrantDocument {
  _id: string;
  name: string;
  holder: string;
  token: number;
  expiresAt: number;
}

const duplicateKey = 11000;

/**
 * Leases in the `_lease_grants` collection, one document per grant. A lease changes hands only by
 * inserting the grant of the next token, which the unique `_id` lets exactly one process do; only
 * a grant's holder updates that grant (renewal, release), and the current lease is the grant with
 * the highest token. So no step relies on an update's filter being checked atomically with its
 * write — FerretDB 1.x reads the matching documents, then writes them by `_id` in a separate
 * step, so two processes racing a filtered update (`{ holder, token }`) both "win" there.
 * Clocks of the hosts must agree within a fraction of the TTL.
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
  const grants = grantsIn(client.db(options.database ?? databaseInUrl(options.url) ?? 'zixly_ops'));
  const run = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw translateMongoError(error);
    }
  };
  let indexed: Promise<unknown> | null = null;
  const current = async (name: string): Promise<GrantDocument | null> => {
    indexed ??= grants.createIndex({ name: 1, token: -1 }, { name: 'lease_grants_name_token' });
    await indexed;
    return grants.findOne({ name }, { sort: { token: -1 } });
  };
  const asGrant = ({ name, holder, token, expiresAt }: GrantDocument): LeaseGrant => ({ name, holder, token, expiresAt });

  /** Inserts the grant of `token`; null when another process inserted it first. */
  const take = async (name: string, holder: string, token: number, expiresAt: number): Promise<LeaseGrant | null> => {
    try {
      await grants.insertOne({ _id: `${name}#${token}`, name, holder, token, expiresAt });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === duplicateKey) return null;
      throw error;
    }
    await grants.deleteMany({ name, token: { $lt: token } });
    return { name, holder, token, expiresAt };
  };

  const acquire = async (name: string, holder: string, ttlMs: number): Promise<LeaseGrant | null> => {
    const now = clock().getTime();
    const expiresAt = now + ttlMs;
    const stored = await current(name);
    if (!stored || stored.expiresAt < now) return take(name, holder, (stored?.token ?? 0) + 1, expiresAt);
    if (stored.holder !== holder) return null;
    await grants.updateOne({ _id: stored._id, holder }, { $set: { expiresAt } });
    // A takeover may have inserted a newer grant meanwhile: then this renewal held nothing.
    const after = await current(name);
    return after?._id === stored._id ? asGrant({ ...after, expiresAt }) : null;
  };

  return {
    tryAcquire: (name, holder, ttlMs) => run(() => acquire(name, holder, ttlMs)),
    release: (grant) => run(async () => void (await grants.updateOne({ _id: `${grant.name}#${grant.token}`, holder: grant.holder }, { $set: { expiresAt: clock().getTime() - 1 } }))),
    list: () =>
      run(async () => {
        const latest = new Map<string, GrantDocument>();
        for (const grant of await grants.find({}).sort({ name: 1, token: 1 }).toArray()) latest.set(grant.name, grant);
        return [...latest.values()].map(asGrant);
      }),
    close: () => client.close(),
  };
}

function grantsIn(db: Db): Collection<GrantDocument> {
  return db.collection<GrantDocument>('_lease_grants');
}

function databaseInUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}
