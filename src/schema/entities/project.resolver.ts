import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { projectStream } from '../../aggregates/project/project.decider';
import { type ProjectDocument, projectsProjection } from '../../projections/delivery/projects.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { ProjectsArgs, projectSorts } from './project.inputs';
import { Project, ProjectConnection, toProject } from './project.type';

const collection = projectsProjection.name;

@Resolver(() => Project)
export class ProjectResolver {
  @Authorized('VIEWER')
  @Query(() => ProjectConnection, { complexity: pageComplexity })
  projects(@Args() args: ProjectsArgs, @Ctx() context: GraphQLContext): Promise<ProjectConnection> {
    const filter = new DocumentFilterBuilder()
      .oneOf('clientId', args.filter?.clientId)
      .oneOf('status', args.filter?.status)
      .oneOf('tier', args.filter?.tier)
      .dates('startedOn', args.filter?.startedOn)
      .dates('dueOn', args.filter?.dueOn)
      .build();
    return findPage<ProjectDocument, Project>(context, collection, { filter, sort: projectSorts[args.sort] }, args, toProject);
  }

  @Authorized('VIEWER')
  @Query(() => Project, { nullable: true })
  project(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Project | null> {
    return findOne(context, collection, lookupIdOf('Project', id), toProject);
  }

  @FieldResolver(() => EventConnection, {
    complexity: pageComplexity,
    description: "The project's event stream (lifecycle and its time entries), oldest first; cursor = revision.",
  })
  history(@Root() project: Project, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, projectStream(project.projectId), args);
  }
}
