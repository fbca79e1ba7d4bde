import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { campaignStream } from '../../aggregates/campaign/campaign.decider';
import { type CampaignDocument, campaignsProjection } from '../../projections/sales/campaigns.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { CampaignsArgs, campaignSorts } from './campaign.inputs';
import { Campaign, CampaignConnection, toCampaign } from './campaign.type';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';

const collection = campaignsProjection.name;

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized('VIEWER')
  @Query(() => CampaignConnection, { complexity: pageComplexity })
  campaigns(@Args() args: CampaignsArgs, @Ctx() context: GraphQLContext): Promise<CampaignConnection> {
    const status = args.filter?.status;
    const filter = new DocumentFilterBuilder()
      .oneOf('channel', args.filter?.channel)
      .isNull('endedAt', status == null ? undefined : status === 'ACTIVE')
      .instants('launchedAt', args.filter?.launchedAt)
      .build();
    return findPage<CampaignDocument, Campaign>(context, collection, { filter, sort: campaignSorts[args.sort] }, args, toCampaign);
  }

  @Authorized('VIEWER')
  @Query(() => Campaign, { nullable: true })
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Campaign | null> {
    return findOne(context, collection, lookupIdOf('Campaign', id), toCampaign);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The campaign's event stream, oldest first; cursor = revision." })
  history(@Root() campaign: Campaign, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, campaignStream(campaign.campaignId), args);
  }
}
