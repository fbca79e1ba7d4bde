import type { ClientOnboarded } from '../../aggregates/client/client.events';
import type { RecordedEvent } from '../../core/messages';
import type { EventWorkflow } from '../engine/workflow';
import { factsFromOnboarding } from '../shared/client-facts';
import { createPlaneProject } from './onboarding-plane.steps';
import { billSetup, createClientFolders, welcomeInMautic } from './onboarding-tools.steps';
import { onboardingTemplates } from './onboarding.templates';

export const clientOnboardingName = 'client-onboarding';

/**
 * A new client gets its Plane project (the tier's deliverables as work items), its Nextcloud
 * folders, a Mautic contact with the welcome email, and its Invoice Ninja client with the
 * package's setup invoice, emailed.
 */
export const clientOnboardingWorkflow: EventWorkflow = {
  name: clientOnboardingName,
  manualMinutes: 120,
  triggers: ['ClientOnboarded'],
  async run(context, trigger) {
    if (trigger.kind !== 'event') return;
    const event = trigger.event as RecordedEvent<ClientOnboarded>;
    const client = factsFromOnboarding(event);
    const template = onboardingTemplates[client.tier];
    await createPlaneProject(context, client, template);
    await createClientFolders(context, client);
    await welcomeInMautic(context, client);
    await billSetup(context, client, template, event.metadata.occurredAt);
  },
};
