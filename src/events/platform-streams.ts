import { categoryOf } from '../core/stream-name';

/**
 * Streams the platform keeps about itself rather than facts of the business: API keys, raw webhook
 * deliveries and the quarantine of refused requests, client identities and their claims, the
 * workflows' step ledger. Importing them changes who can call the API, what the webhook worker and
 * the workflows believe already happened, and which client an outside id resolves to.
 */
export const platformCategories: ReadonlyMap<string, string> = new Map([
  ['ApiKey', 'API keys'],
  ['WebhookDelivery', 'raw webhook deliveries'],
  ['WebhookRejection', 'the webhook quarantine'],
  ['ClientIdentity', 'client identities'],
  ['IdentityClaim', 'identity claims'],
  ['WorkflowSteps', "the workflows' step ledger"],
]);

/** Event types that belong to those streams only: found on any other stream they are just as platform. */
const platformTypes: ReadonlyMap<string, string> = new Map([
  ['ApiKeyCreated', 'ApiKey'],
  ['ApiKeyRevoked', 'ApiKey'],
  ['WebhookDeliveryReceived', 'WebhookDelivery'],
  ['WebhookDeliveryProcessed', 'WebhookDelivery'],
  ['WebhookDeliveryIgnored', 'WebhookDelivery'],
  ['WebhookDeliveryFailed', 'WebhookDelivery'],
  ['WebhookDeliveryParked', 'WebhookDelivery'],
  ['WebhookDeliveryRedriven', 'WebhookDelivery'],
  ['WebhookDeliveryRejected', 'WebhookRejection'],
  ['ClientIdentityLinked', 'ClientIdentity'],
  ['ClientIdentityUnlinked', 'ClientIdentity'],
  ['ClientEmailDomainLinked', 'ClientIdentity'],
  ['ClientEmailDomainUnlinked', 'ClientIdentity'],
  ['IdentityClaimed', 'IdentityClaim'],
  ['IdentityReleased', 'IdentityClaim'],
  ['WorkflowRunTriggered', 'WorkflowSteps'],
  ['WorkflowStepAttempted', 'WorkflowSteps'],
  ['WorkflowStepCompleted', 'WorkflowSteps'],
  ['WorkflowStepSkipped', 'WorkflowSteps'],
  ['WorkflowStepFailed', 'WorkflowSteps'],
]);

/** The platform category an event belongs to (by its stream, else by its type), or null for a business fact. */
export function platformCategoryOf(stream: string, type: string): string | null {
  const category = categoryOf(stream);
  if (platformCategories.has(category)) return category;
  return platformTypes.get(type) ?? null;
}
