import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ClientCommand } from './client.commands';
import { clientDecider } from './client.decider';
import type { BillingPeriod, ClientEvent } from './client.events';

const spec = deciderSpec(clientDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';

const onboarded: ClientEvent = {
  type: 'ClientOnboarded',
  data: { clientId: 'c-1', name: 'Globex', tier: 'STARTER', industry: 'Retail', sourceLeadId: null, sourceCampaignId: null, contactEmail: null, currency: 'AUD' },
};
const offboarded: ClientEvent = { type: 'ClientOffboarded', data: { clientId: 'c-1', reason: 'budget cut' } };
const reactivated: ClientEvent = { type: 'ClientReactivated', data: { clientId: 'c-1' } };

const start = (retainerId: string, amountCents: number, billingPeriod: BillingPeriod = 'MONTHLY', currency = 'AUD'): ClientCommand => ({
  type: 'StartRetainer',
  occurredAt,
  data: { clientId: 'c-1', retainerId, amountCents, currency, billingPeriod },
});
const started = (retainerId: string, amountCents: number, billingPeriod: BillingPeriod = 'MONTHLY', monthlyAmountCents = amountCents): ClientEvent => ({
  type: 'RetainerStarted',
  data: { clientId: 'c-1', retainerId, amountCents, currency: 'AUD', billingPeriod, monthlyAmountCents },
});
const change = (retainerId: string, amountCents: number, billingPeriod?: BillingPeriod): ClientCommand => ({
  type: 'ChangeRetainerAmount',
  occurredAt,
  data: { clientId: 'c-1', retainerId, amountCents, currency: 'AUD', ...(billingPeriod ? { billingPeriod } : {}) },
});
const amountChanged: ClientEvent = {
  type: 'RetainerAmountChanged',
  data: { clientId: 'c-1', retainerId: 'r-1', amountCents: 300_000, currency: 'AUD', billingPeriod: 'MONTHLY', fromMonthlyAmountCents: 250_000, toMonthlyAmountCents: 300_000 },
};
const cancel = (retainerId: string): ClientCommand => ({ type: 'CancelRetainer', occurredAt, data: { clientId: 'c-1', retainerId, reason: 'scope reduced' } });
const cancelled = (retainerId: string, monthlyAmountCents: number, reason = 'scope reduced'): ClientEvent => ({
  type: 'RetainerCancelled',
  data: { clientId: 'c-1', retainerId, reason, monthlyAmountCents, currency: 'AUD' },
});

describe('client decider: retainers', () => {
  it('starts a monthly retainer that adds its amount to MRR', () => spec.given([onboarded]).when(start('r-1', 250_000)).then([started('r-1', 250_000)]));

  it('counts an annual retainer as a twelfth per month, rounded half up to whole cents', () => {
    spec.given([onboarded]).when(start('r-1', 1_200_000, 'ANNUAL')).then([started('r-1', 1_200_000, 'ANNUAL', 100_000)]);
    spec.given([onboarded]).when(start('r-1', 1_200_006, 'ANNUAL')).then([started('r-1', 1_200_006, 'ANNUAL', 100_001)]);
    spec.given([onboarded]).when(start('r-1', 1_200_005, 'ANNUAL')).then([started('r-1', 1_200_005, 'ANNUAL', 100_000)]);
  });

  it('treats starting the same retainer id twice as a no-op', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(start('r-1', 250_000)).thenNothingHappens());

  it('never restarts a cancelled retainer id: the same start is a no-op, another amount is refused', () => {
    spec.given([onboarded, started('r-1', 250_000), cancelled('r-1', 250_000)]).when(start('r-1', 250_000)).thenNothingHappens();
    spec.given([onboarded, started('r-1', 250_000), cancelled('r-1', 250_000)]).when(start('r-1', 300_000)).thenRejects('retainer.exists_with_other_facts');
  });

  it('refuses a retainer id reused with another amount, naming changeRetainerAmount, and still takes the original start retried after a change', () => {
    spec.given([onboarded, started('r-1', 250_000)]).when(start('r-1', 300_000)).thenRejects('retainer.exists_with_other_facts');
    spec.given([onboarded, started('r-1', 250_000), amountChanged]).when(start('r-1', 250_000)).thenNothingHappens();
  });

  it('runs several retainers with different ids side by side', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(start('r-2', 50_000)).then([started('r-2', 50_000)]));

  it('rejects a retainer amount that is not a positive whole number of cents', () => {
    for (const amountCents of [0, -100, 99.5]) spec.given([onboarded]).when(start('r-1', amountCents)).thenRejects('retainer.invalid_amount');
  });

  it('rejects an annual amount worth less than a cent a month', () =>
    spec.given([onboarded]).when(start('r-1', 5, 'ANNUAL')).thenRejects('retainer.invalid_amount'));

  it('rejects a billing period other than MONTHLY or ANNUAL', () =>
    spec.given([onboarded]).when(start('r-1', 100, 'WEEKLY' as BillingPeriod)).thenRejects('retainer.invalid_billing_period'));

  it('rejects a retainer in a currency other than the client’s', () =>
    spec.given([onboarded]).when(start('r-1', 100, 'MONTHLY', 'NZD')).thenRejects('retainer.currency_mismatch'));

  it('rejects starting a retainer for an offboarded client', () =>
    spec.given([onboarded, offboarded]).when(start('r-1', 100)).thenRejects('client.offboarded'));

  it('rejects starting a retainer for a client never onboarded', () => spec.given([]).when(start('r-1', 100)).thenRejects('client.not_onboarded'));

  it('starts a new retainer for a reactivated client', () =>
    spec.given([onboarded, offboarded, reactivated]).when(start('r-2', 100)).then([started('r-2', 100)]));

  it('changes the amount and carries the monthly amounts before and after', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(change('r-1', 300_000)).then([amountChanged]));

  it('moves a retainer to annual billing with its monthly equivalent', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(change('r-1', 2_400_000, 'ANNUAL')).then([
      {
        type: 'RetainerAmountChanged',
        data: { clientId: 'c-1', retainerId: 'r-1', amountCents: 2_400_000, currency: 'AUD', billingPeriod: 'ANNUAL', fromMonthlyAmountCents: 250_000, toMonthlyAmountCents: 200_000 },
      },
    ]));

  it('treats changing to the current amount and period as a no-op', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(change('r-1', 250_000)).thenNothingHappens());

  it('rejects changing the amount of a cancelled retainer', () =>
    spec.given([onboarded, started('r-1', 250_000), cancelled('r-1', 250_000)]).when(change('r-1', 300_000)).thenRejects('retainer.cancelled'));

  it('rejects changing the amount of an unknown retainer', () => spec.given([onboarded]).when(change('r-9', 300_000)).thenRejects('retainer.unknown'));

  it('rejects changing to an amount that is not positive', () =>
    spec.given([onboarded, started('r-1', 250_000)]).when(change('r-1', 0)).thenRejects('retainer.invalid_amount'));

  it('cancels a retainer with the monthly amount that leaves MRR', () =>
    spec.given([onboarded, started('r-1', 1_200_000, 'ANNUAL', 100_000)]).when(cancel('r-1')).then([cancelled('r-1', 100_000)]));

  it('treats cancelling a cancelled retainer as a no-op', () =>
    spec.given([onboarded, started('r-1', 250_000), cancelled('r-1', 250_000)]).when(cancel('r-1')).thenNothingHappens());

  it('rejects cancelling an unknown retainer', () => spec.given([onboarded]).when(cancel('r-9')).thenRejects('retainer.unknown'));

  it('cancels every active retainer before offboarding the client', () =>
    spec
      .given([onboarded, started('r-1', 250_000), started('r-2', 50_000), started('r-3', 10_000), cancelled('r-3', 10_000)])
      .when({ type: 'OffboardClient', occurredAt, data: { clientId: 'c-1', reason: 'budget cut' } })
      .then([cancelled('r-1', 250_000, 'budget cut'), cancelled('r-2', 50_000, 'budget cut'), offboarded]));

  it('cancels at the changed amount after an amount change', () =>
    spec.given([onboarded, started('r-1', 250_000), amountChanged]).when(cancel('r-1')).then([cancelled('r-1', 300_000)]));
});
