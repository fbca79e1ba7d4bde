import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe } from 'vitest';
import type { ReadStore } from '../core/read-store.port';
import { collectionsContract } from './read-store-collections.contract';
import { findContract } from './read-store-find.contract';
import { pagingContract } from './read-store-paging.contract';
import type { ReadStoreTestContext } from './read-store.fixtures';
import { writesContract } from './read-store-writes.contract';

/**
 * The contract every ReadStore adapter passes. Names are unique per test, so it can run against a
 * shared MongoDB; everything a test creates is dropped after it.
 */
export function readStoreContract(adapterName: string, open: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${adapterName}`, () => {
    let store: ReadStore | undefined;
    const collections: string[] = [];
    const projections: string[] = [];
    const run = randomBytes(4).toString('hex');
    let counter = 0;
    const context: ReadStoreTestContext = {
      store: () => store!,
      collection: () => remember(collections, `t${run}_${++counter}`),
      projection: () => remember(projections, `p${run}_${++counter}`),
    };

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      if (!store) return;
      for (const name of collections.splice(0)) await store.dropCollection(name);
      for (const name of projections.splice(0)) await store.deleteCheckpoint(name);
      await store.close();
      store = undefined;
    });

    writesContract(context);
    findContract(context);
    pagingContract(context);
    collectionsContract(context);
  });
}

function remember(names: string[], name: string): string {
  names.push(name);
  return name;
}

