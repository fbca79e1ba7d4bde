import { afterAll, beforeAll, describe } from 'vitest';
import type { EventStore } from '../core/event-store.port';
import { appendContract } from './event-store-append.contract';
import { concurrencyContract } from './event-store-concurrency.contract';
import { payloadContract } from './event-store-payload.contract';
import { readContract } from './event-store-read.contract';
import { subscriptionContract } from './event-store-subscription.contract';

export interface EventStoreContractOptions {
  /** Close the store after the suite (default `true`); pass `false` when the caller owns it. */
  readonly close?: boolean;
}

/**
 * The contract of the `EventStore` port, run on every adapter. One store is opened for the whole
 * suite and may be shared and non-empty (a real EventStoreDB): each test writes to its own unique
 * streams and categories, and reads `$all` after the head it saw and through its own categories.
 */
export function eventStoreContract(adapterName: string, open: () => Promise<EventStore>, options: EventStoreContractOptions = {}): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore | undefined;
    const provider = (): EventStore => {
      if (store === undefined) throw new Error(`the ${adapterName} store did not open`);
      return store;
    };

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      if (options.close !== false) await store?.close();
    });

    appendContract(provider);
    readContract(provider);
    payloadContract(provider);
    subscriptionContract(provider);
    concurrencyContract(provider);
  });
}
