import { CampaignMutations } from './campaign.mutations';
import { ClientMutations } from './client.mutations';
import { ConsultantMutations } from './consultant.mutations';
import { ExpenseMutations } from './expense.mutations';
import { InvoiceMutations } from './invoice.mutations';
import { LeadMutations } from './lead.mutations';
import { OperationsMutations } from './operations.mutations';
import { ProjectMutations } from './project.mutations';
import { SupportMutations } from './support.mutations';

/** One mutation per business command, one resolver class per aggregate. */
export const commandResolvers: Function[] = [
  ClientMutations,
  ConsultantMutations,
  ProjectMutations,
  InvoiceMutations,
  ExpenseMutations,
  SupportMutations,
  LeadMutations,
  CampaignMutations,
  OperationsMutations,
];
