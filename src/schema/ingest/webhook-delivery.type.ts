import { Field, ID, Int, ObjectType } from 'type-graphql';
import { webhookTools, type WebhookTool } from '../../ingest/delivery';
import { webhookParkReasons, type WebhookParkReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import type { WebhookDeliveryDocument } from '../../projections/operations/webhook-deliveries.projection';
import type { WebhookToolCounts } from '../../projections/operations/webhook.queries';
import { toToolActivity, WebhookToolActivity } from '../dashboards/operations.type';
import { domainEnum } from '../enums/domain.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { BigIntScalar, DateTimeScalar, JSONObjectScalar } from '../shared/scalars';

export const WebhookToolEnum = domainEnum(webhookTools, 'WebhookTool', 'A business tool that sends webhooks to /webhooks/<tool>.');
export const WebhookParkReasonEnum = domainEnum(
  webhookParkReasons,
  'WebhookParkReason',
  'Why a delivery left the automatic pipeline: UNMAPPED (names a party no identity links yet), RETRIES_EXHAUSTED, INVALID (the data is wrong).',
);

@ObjectType({ implements: Node, description: 'A webhook delivery set aside for a person, from the `webhook_deliveries` read model.' })
export class ParkedDelivery implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as `redriveDelivery` takes it.' }) deliveryId!: string;
  @Field(() => WebhookToolEnum) tool!: WebhookTool;
  @Field({ description: "The tool's own name for what happened." }) eventKind!: string;
  @Field({ description: 'The idempotency key the delivery id is derived from.' }) dedupeKey!: string;
  @Field(() => DateTimeScalar) receivedAt!: string;
  @Field(() => DateTimeScalar) parkedAt!: string;
  @Field(() => WebhookParkReasonEnum) reason!: WebhookParkReason;
  @Field(() => Int, { description: 'Failed attempts recorded, over every run.' }) failedAttempts!: number;
}

@ObjectType()
export class ParkedDeliveryConnection extends Connection(ParkedDelivery) {}

/** The stored request, for whoever decides whether to redrive. Loaded from the delivery's stream. */
@ObjectType({ description: 'What the parked delivery carried and why it was parked.' })
export class ParkedDeliveryDetail {
  @Field({ description: 'The error or reason recorded when it was parked.' }) error!: string;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The delivery as stored (null for deliveries stored before payloads were kept).' })
  payload!: object | null;
  @Field(() => JSONObjectScalar, { description: 'Request headers as stored, without secrets or signatures.' }) headers!: object;
}

@ObjectType({ description: 'A parked delivery handed back to the worker for a new run of attempts.' })
export class RedrivenDelivery {
  @Field(() => ID) deliveryId!: string;
  @Field(() => WebhookToolEnum) tool!: WebhookTool;
  @Field(() => WebhookParkReasonEnum) previousReason!: WebhookParkReason;
  @Field(() => Int, { description: '1 for the first redrive, then one more each time.' }) run!: number;
}

@ObjectType({ description: 'The parked deliveries a bulk redrive handed back to the worker.' })
export class RedriveParkedPayload {
  @Field(() => Int) count!: number;
  @Field(() => [ID]) deliveryIds!: string[];
}

@ObjectType({ description: 'Webhook delivery counters per tool with the freshness of the read model they come from.' })
export class WebhookDeliveriesReport {
  @Field(() => [WebhookToolActivity]) tools!: WebhookToolActivity[];
  @Field(() => Int, { description: 'Events folded into the documents used.' }) eventCount!: number;
  @Field(() => BigIntScalar, { nullable: true, description: 'Store position the read model reflects.' }) position!: bigint | null;
}

export function toParkedDelivery(document: WebhookDeliveryDocument): ParkedDelivery {
  const { deliveryId, tool, eventKind, dedupeKey, receivedAt, parkedAt, parkReason, failures } = document;
  return { id: globalIdOf('ParkedDelivery', deliveryId), deliveryId, tool: tool as WebhookTool, eventKind, dedupeKey, receivedAt, parkedAt: parkedAt ?? receivedAt, reason: parkReason ?? 'invalid', failedAttempts: failures.length };
}

export function toToolCounts(byTool: Record<string, WebhookToolCounts>): WebhookToolActivity[] {
  return toToolActivity(byTool);
}
