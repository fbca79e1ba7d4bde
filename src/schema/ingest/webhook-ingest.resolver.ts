import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { WebhookTool } from '../../ingest/delivery';
import { loadDelivery } from '../../ingest/inbox/delivery-record';
import { ParkedDeliveries, type Requester } from '../../ingest/inbox/parked-deliveries.service';
import type { WebhookParkReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import { webhookDeliveries } from '../../projections/operations/webhook.queries';
import type { GraphQLContext } from '../context';
import { PeriodInput } from '../dashboards/dashboard-args.inputs';
import { DateTimeScalar } from '../shared/scalars';
import { ConnectionArgs, connectionFrom, pageSizeOf } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import {
  ParkedDelivery,
  ParkedDeliveryConnection,
  ParkedDeliveryDetail,
  RedriveParkedPayload,
  RedrivenDelivery,
  toParkedDelivery,
  toToolCounts,
  WebhookDeliveriesReport,
  WebhookParkReasonEnum,
  WebhookToolEnum,
} from './webhook-delivery.type';

@ArgsType()
class ParkedDeliveriesArgs extends ConnectionArgs {
  @Field(() => WebhookToolEnum, { nullable: true }) tool?: WebhookTool | null;
  @Field(() => WebhookParkReasonEnum, { nullable: true }) reason?: WebhookParkReason | null;
}

const parked = ({ services }: GraphQLContext) => new ParkedDeliveries(services.eventStore, services.readStore, services.clock);

function requesterOf({ principal, correlationId }: GraphQLContext): Requester {
  return { actor: `apikey:${principal!.keyId}`, correlationId };
}

@Resolver(() => ParkedDelivery)
export class WebhookIngestResolver {
  @Authorized('ADMIN')
  @Query(() => ParkedDeliveryConnection, { complexity: pageComplexity, description: 'Parked webhook deliveries, oldest parked first.' })
  async parkedDeliveries(@Args() args: ParkedDeliveriesArgs, @Ctx() context: GraphQLContext): Promise<ParkedDeliveryConnection> {
    const page = await parked(context).page({ tool: args.tool, reason: args.reason }, pageSizeOf(args), args.after);
    return connectionFrom(page, toParkedDelivery);
  }

  @FieldResolver(() => ParkedDeliveryDetail, { nullable: true, description: 'The stored delivery and the park error, read from its stream.' })
  async detail(@Root() delivery: ParkedDelivery, @Ctx() { services }: GraphQLContext): Promise<ParkedDeliveryDetail | null> {
    const record = await loadDelivery(services.eventStore, delivery.deliveryId);
    if (record === null) return null;
    const { payload, headers } = record.received.data;
    return { error: record.lastError ?? '', payload: typeof payload === 'object' && payload !== null ? payload : null, headers: headers ?? {} };
  }

  @Authorized('ADMIN')
  @Mutation(() => RedrivenDelivery, { description: 'Hands one parked delivery back to the worker (after fixing what parked it).' })
  redriveDelivery(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() context: GraphQLContext): Promise<RedrivenDelivery> {
    return parked(context).redrive(deliveryId, requesterOf(context)) as Promise<RedrivenDelivery>;
  }

  @Authorized('ADMIN')
  @Mutation(() => RedriveParkedPayload, { description: "Redrives every parked delivery of a tool (and reason), e.g. the UNMAPPED ones after linking a client." })
  async redriveParked(
    @Arg('tool', () => WebhookToolEnum) tool: WebhookTool,
    @Arg('reason', () => WebhookParkReasonEnum, { nullable: true }) reason: WebhookParkReason | null,
    @Ctx() context: GraphQLContext,
  ): Promise<RedriveParkedPayload> {
    const deliveryIds = await parked(context).redriveParked({ tool, reason }, requesterOf(context));
    return { count: deliveryIds.length, deliveryIds };
  }

  @Authorized('VIEWER')
  @Query(() => WebhookDeliveriesReport, { description: 'Per tool: deliveries received, processed, ignored (by reason), failed, parked and rejected in the period, and the backlog.' })
  async webhookDeliveries(
    @Arg('period', () => PeriodInput, { description: 'As the dashboards take it: from (inclusive) to (exclusive), dates or ISO instants.' }) period: PeriodInput,
    @Arg('asOf', () => DateTimeScalar, { nullable: true, description: 'Where the backlog is measured; defaults to the period end.' }) asOf: Date | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<WebhookDeliveriesReport> {
    const result = await webhookDeliveries(services.kpi, { from: period.from, to: period.to }, asOf ? { asOf: asOf.toISOString() } : {});
    return { tools: toToolCounts(result.value), eventCount: result.eventCount, position: result.position };
  }
}
