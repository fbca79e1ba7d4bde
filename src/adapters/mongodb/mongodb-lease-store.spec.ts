import { mongoTestServer, mongoTestUrl } from '../../testing/mongodb-test-database';
import { leaseStoreContract } from '../../testing/lease-store.contract';
import { describe } from 'vitest';
import { openMongoLeaseStore } from './mongodb-lease-store';

if (!mongoTestServer) console.log('SKIPPED: MongoDB lease-store contract suite (set MONGODB_URL, see README)');

describe.skipIf(!mongoTestServer)('MongoDB lease store', () => {
  // Two clients on one database stand for two processes of the fleet.
  leaseStoreContract('MongoDB, two clients', async (clock) => {
    const url = mongoTestUrl('zixly_leases');
    return { first: await openMongoLeaseStore({ url, clock }), second: await openMongoLeaseStore({ url, clock }) };
  });
});
