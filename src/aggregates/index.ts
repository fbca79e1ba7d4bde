import type { ApiKeyCommand } from './api-key/api-key.commands';
import { apiKeyRoutes } from './api-key/api-key.routes';
import type { IdentityCommand } from './client-identity/client-identity.commands';
import { identityRoutes } from './client-identity/client-identity.routes';
import type { WebhookIntakeCommand } from './webhook-delivery/webhook-delivery.commands';
import { webhookDeliveryRoutes } from './webhook-delivery/webhook-delivery.routes';
import type { WorkflowStepCommand } from './workflow-steps/workflow-steps.commands';
import { workflowStepsRoutes } from './workflow-steps/workflow-steps.routes';
import type { CampaignCommand } from './campaign/campaign.commands';
import type { CampaignEvent } from './campaign/campaign.events';
import { campaignRoutes } from './campaign/campaign.routes';
import type { ClientCommand } from './client/client.commands';
import type { ClientEvent } from './client/client.events';
import { clientRoutes } from './client/client.routes';
import type { ConsultantCommand } from './consultant/consultant.commands';
import type { ConsultantEvent } from './consultant/consultant.events';
import { consultantRoutes } from './consultant/consultant.routes';
import type { CommandRoute } from './command-route';
import type { ExpenseCommand } from './expense/expense.commands';
import type { ExpenseEvent } from './expense/expense.events';
import { expenseRoutes } from './expense/expense.routes';
import type { InvoiceCommand } from './invoice/invoice.commands';
import type { InvoiceEvent } from './invoice/invoice.events';
import { invoiceRoutes } from './invoice/invoice.routes';
import type { LeadCommand } from './lead/lead.commands';
import type { LeadEvent } from './lead/lead.events';
import { leadRoutes } from './lead/lead.routes';
import type { OperationsCommand } from './operations/operations.commands';
import type { OperationsEvent } from './operations/operations.events';
import { operationsRoutes } from './operations/operations.routes';
import type { ProjectCommand } from './project/project.commands';
import type { ProjectEvent } from './project/project.events';
import { projectRoutes } from './project/project.routes';
import type { SupportCommand } from './ticket/ticket.commands';
import type { SupportEvent } from './ticket/ticket.events';
import { ticketRoutes } from './ticket/ticket.routes';

/** Every command the business accepts. */
export type BusinessCommand =
  | ClientCommand
  | ConsultantCommand
  | ProjectCommand
  | InvoiceCommand
  | ExpenseCommand
  | SupportCommand
  | LeadCommand
  | CampaignCommand
  | OperationsCommand;

/** Every event the business records. */
export type BusinessEvent =
  | ClientEvent
  | ConsultantEvent
  | ProjectEvent
  | InvoiceEvent
  | ExpenseEvent
  | SupportEvent
  | LeadEvent
  | CampaignEvent
  | OperationsEvent;

export const commandRoutes: { readonly [T in BusinessCommand['type']]: CommandRoute<any, any, any> } = {
  ...clientRoutes,
  ...consultantRoutes,
  ...projectRoutes,
  ...invoiceRoutes,
  ...expenseRoutes,
  ...ticketRoutes,
  ...leadRoutes,
  ...campaignRoutes,
  ...operationsRoutes,
};

export const commandTypes = Object.keys(commandRoutes) as ReadonlyArray<BusinessCommand['type']>;

/**
 * Commands the platform sends about itself: API keys, client identities and their claims, webhook
 * intake (deliveries, conflicting copies, refusals) and the workflows' step ledger. They run on
 * `createCommandBus` like business commands, but no business mutation exposes them.
 */
export type PlatformCommand = ApiKeyCommand | IdentityCommand | WebhookIntakeCommand | WorkflowStepCommand;

export const platformRoutes: { readonly [T in PlatformCommand['type']]: CommandRoute<any, any, any> } = {
  ...apiKeyRoutes,
  ...identityRoutes,
  ...webhookDeliveryRoutes,
  ...workflowStepsRoutes,
};
