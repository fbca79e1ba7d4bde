import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { ClientTier } from '../../aggregates/client/client.events';
import type { ProjectDocument, ProjectStatus } from '../../projections/delivery/projects.projection';
import { ClientTierEnum } from '../enums/domain.enums';
import { ProjectStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType({ implements: Node, description: 'A project, from the `projects` read model. Dates are YYYY-MM-DD business dates.' })
export class Project implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) projectId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ClientTierEnum, { description: 'The tier the project was sold at.' }) tier!: ClientTier;
  @Field() name!: string;
  @Field(() => ProjectStatusEnum) status!: ProjectStatus;
  @Field() startedOn!: string;
  @Field(() => DateTimeScalar) startedAt!: string;
  @Field() dueOn!: string;
  @Field(() => String, { nullable: true }) completedOn!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) cancelledAt!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Float, { description: '0 means no budget.' }) budgetHours!: number;
  @Field(() => SafeIntScalar, { description: 'In cents; 0 means no budget.' }) budgetAmountCents!: number;
  @Field() currency!: string;
}

@ObjectType()
export class ProjectConnection extends Connection(Project) {}

export function toProject(document: ProjectDocument): Project {
  return {
    id: globalIdOf('Project', document.projectId),
    projectId: document.projectId,
    clientId: document.clientId,
    tier: document.tier,
    name: document.name,
    status: document.status,
    startedOn: document.startedOn,
    startedAt: document.startedAt,
    dueOn: document.dueOn,
    completedOn: document.completedOn,
    cancelledAt: document.cancelledAt,
    cancelReason: document.cancelReason,
    budgetHours: document.budgetHours,
    budgetAmountCents: document.budgetAmountCents,
    currency: document.currency,
  };
}
