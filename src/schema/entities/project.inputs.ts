import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { ClientTier } from '../../aggregates/client/client.events';
import type { ProjectStatus } from '../../projections/delivery/projects.projection';
import { ClientTierEnum } from '../enums/domain.enums';
import { ProjectStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { DateRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class ProjectFilter {
  @Field(() => [ID], { nullable: true }) clientId?: string[] | null;
  @Field(() => [ProjectStatusEnum], { nullable: true }) status?: ProjectStatus[] | null;
  @Field(() => [ClientTierEnum], { nullable: true }) tier?: ClientTier[] | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() startedOn?: DateRangeInput | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() dueOn?: DateRangeInput | null;
}

export enum ProjectSort {
  STARTED_ON_DESC = 'STARTED_ON_DESC',
  STARTED_ON_ASC = 'STARTED_ON_ASC',
  DUE_ON_ASC = 'DUE_ON_ASC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(ProjectSort, { name: 'ProjectSort' });

export const projectSorts: Record<ProjectSort, SortSpec> = {
  STARTED_ON_DESC: [['startedOn', -1]],
  STARTED_ON_ASC: [['startedOn', 1]],
  DUE_ON_ASC: [['dueOn', 1]],
  NAME_ASC: [['name', 1]],
};

@ArgsType()
export class ProjectsArgs extends ConnectionArgs {
  @Field(() => ProjectFilter, { nullable: true }) @ValidateNested() filter?: ProjectFilter | null;
  @Field(() => ProjectSort, { defaultValue: ProjectSort.STARTED_ON_DESC }) sort: ProjectSort = ProjectSort.STARTED_ON_DESC;
}
