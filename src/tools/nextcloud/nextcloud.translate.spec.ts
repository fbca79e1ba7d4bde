import { describe, expect, it } from 'vitest';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { translateNextcloud } from './nextcloud.translate';

const none = IdentitySnapshot.of({});

describe('nextcloud translation', () => {
  it('acknowledges a created file as ignored: files have no business fact', () =>
    expect(translateNextcloud(fixtureDelivery('nextcloud.NodeCreatedEvent'), none)).toEqual({
      outcome: 'ignored',
      reason: 'nextcloud NodeCreatedEvent: file activity has no business fact in Zixly (counted only)',
    }));

  it('acknowledges a renamed file as ignored', () =>
    expect(translateNextcloud(fixtureDelivery('nextcloud.NodeRenamedEvent'), none)).toEqual({
      outcome: 'ignored',
      reason: 'nextcloud NodeRenamedEvent: file activity has no business fact in Zixly (counted only)',
    }));

  it('calls a body without an event class invalid', () =>
    expect(translateNextcloud({ ...fixtureDelivery('nextcloud.NodeCreatedEvent'), payload: { event: {}, time: 1 } }, none)).toEqual({
      outcome: 'invalid',
      reason: 'payload.event.class must be a non-empty string, got nothing',
    }));
});
