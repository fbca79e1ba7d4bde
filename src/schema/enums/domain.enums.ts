import { registerEnumType } from 'type-graphql';
import { campaignChannels } from '../../aggregates/campaign/campaign.events';
import { billingPeriods, clientTiers } from '../../aggregates/client/client.events';
import { expenseCategories } from '../../aggregates/expense/expense.events';
import { emailEngagementKinds, leadSources, leadStages } from '../../aggregates/lead/lead.events';
import { ticketChannels, ticketPriorities } from '../../aggregates/ticket/ticket.events';

/**
 * GraphQL enum names are UPPER_CASE while some domain values are lower-case (`oauth_services`):
 * the enum's name is the upper-cased value and resolvers receive the domain value itself, so
 * nothing has to translate between the two.
 */
export function domainEnum<V extends string>(values: readonly V[], name: string, description: string): Record<string, V> {
  const enumObject = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<string, V>;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const ClientTierEnum = domainEnum(clientTiers, 'ClientTier', 'Service package: STARTER, PROFESSIONAL ("Complete") or ENTERPRISE.');
export const BillingPeriodEnum = domainEnum(billingPeriods, 'BillingPeriod', 'How often a retainer is billed; annual retainers count 1/12 per month.');
export const ExpenseCategoryEnum = domainEnum(expenseCategories, 'ExpenseCategory', 'Cost category of an expense.');
export const InvoiceKindEnum = domainEnum(['RECURRING', 'ONE_OFF'] as const, 'InvoiceKind', 'Recurring (retainer) or one-off invoice.');
export const LeadStageEnum = domainEnum(leadStages, 'LeadStage', 'Pipeline stage of an open lead, in order.');
export const LeadSourceEnum = domainEnum(leadSources, 'LeadSource', 'Where a lead came from (first touch).');
export const EmailEngagementKindEnum = domainEnum(emailEngagementKinds, 'EmailEngagementKind', 'What a lead did with an e-mail.');
export const TicketChannelEnum = domainEnum(ticketChannels, 'TicketChannel', 'Channel a support ticket arrived through.');
export const TicketPriorityEnum = domainEnum(ticketPriorities, 'TicketPriority', 'Priority of a support ticket.');
export const CampaignChannelEnum = domainEnum(campaignChannels, 'CampaignChannel', 'Marketing channel of a campaign.');
