import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ClientCommand } from './client.commands';
import { clientDecider } from './client.decider';
import type { ClientEvent } from './client.events';

const spec = deciderSpec(clientDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';
const command = <T extends ClientCommand['type']>(type: T, data: Extract<ClientCommand, { type: T }>['data']) =>
  ({ type, occurredAt, data }) as ClientCommand;

const onboarded: ClientEvent = {
  type: 'ClientOnboarded',
  data: {
    clientId: 'c-1',
    name: 'Globex',
    tier: 'PROFESSIONAL',
    industry: 'Manufacturing',
    sourceLeadId: 'lead-7',
    sourceCampaignId: null,
    contactEmail: 'ops@globex.example',
    currency: 'AUD',
  },
};
const onboard = command('OnboardClient', { ...onboarded.data, sourceCampaignId: undefined });
const offboarded: ClientEvent = { type: 'ClientOffboarded', data: { clientId: 'c-1', reason: 'budget cut' } };
const offboard = command('OffboardClient', { clientId: 'c-1', reason: 'budget cut' });
const reactivated: ClientEvent = { type: 'ClientReactivated', data: { clientId: 'c-1' } };
const reactivate = command('ReactivateClient', { clientId: 'c-1' });
const changeTier = (tier: string) => command('ChangeClientTier', { clientId: 'c-1', tier: tier as 'STARTER' });

describe('client decider: lifecycle', () => {
  it('onboards a client with its tier, industry and source lead', () => spec.given([]).when(onboard).then([onboarded]));

  it('treats onboarding the same client again as a no-op', () => spec.given([onboarded]).when(onboard).thenNothingHappens());

  it('rejects a tier that is not STARTER, PROFESSIONAL or ENTERPRISE', () =>
    spec.given([]).when(command('OnboardClient', { ...onboarded.data, tier: 'GOLD' as 'STARTER' })).thenRejects('client.invalid_tier'));

  it('rejects a contact e-mail that is not an address', () =>
    spec.given([]).when(command('OnboardClient', { ...onboarded.data, contactEmail: 'ops at globex' })).thenRejects('input.invalid_email'));

  it('rejects a client without a currency code', () =>
    spec.given([]).when(command('OnboardClient', { ...onboarded.data, currency: 'aud' })).thenRejects('money.invalid_currency'));

  it('changes the tier and records where it came from', () =>
    spec.given([onboarded]).when(changeTier('ENTERPRISE')).then([{ type: 'ClientTierChanged', data: { clientId: 'c-1', from: 'PROFESSIONAL', to: 'ENTERPRISE' } }]));

  it('treats changing to the current tier as a no-op', () => spec.given([onboarded]).when(changeTier('PROFESSIONAL')).thenNothingHappens());

  it('rejects changing to an unknown tier', () => spec.given([onboarded]).when(changeTier('PLATINUM')).thenRejects('client.invalid_tier'));

  it('rejects changing the tier of an offboarded client', () =>
    spec.given([onboarded, offboarded]).when(changeTier('STARTER')).thenRejects('client.offboarded'));

  it('rejects changing the tier of a client never onboarded', () => spec.given([]).when(changeTier('STARTER')).thenRejects('client.not_onboarded'));

  it('offboards an active client without retainers', () => spec.given([onboarded]).when(offboard).then([offboarded]));

  it('treats offboarding an offboarded client as a no-op', () => spec.given([onboarded, offboarded]).when(offboard).thenNothingHappens());

  it('rejects offboarding a client never onboarded', () => spec.given([]).when(offboard).thenRejects('client.not_onboarded'));

  it('reactivates an offboarded client', () => spec.given([onboarded, offboarded]).when(reactivate).then([reactivated]));

  it('treats reactivating an active client as a no-op', () => spec.given([onboarded]).when(reactivate).thenNothingHappens());

  it('lets a reactivated client change tier again', () =>
    spec
      .given([onboarded, offboarded, reactivated])
      .when(changeTier('STARTER'))
      .then([{ type: 'ClientTierChanged', data: { clientId: 'c-1', from: 'PROFESSIONAL', to: 'STARTER' } }]));
});
