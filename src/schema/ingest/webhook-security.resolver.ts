import { Args, ArgsType, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ValidationError } from '../../core/errors';
import type { RecordedEvent } from '../../core/messages';
import type { WebhookTool } from '../../ingest/delivery';
import type { RejectDocument } from '../../ingest/quarantine/reject-store';
import { webhookRejectionReasons, type WebhookDeliveryConflicted, type WebhookRejectionReason } from '../../ingest/webhook-delivery.events';
import type { GraphQLContext } from '../context';
import { domainEnum } from '../enums/domain.enums';
import { Connection, ConnectionArgs, connectionFrom, pageSizeOf, positionCursor } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { DateTimeScalar, JSONObjectScalar } from '../shared/scalars';
import { WebhookToolEnum } from './webhook-delivery.type';

export const WebhookRejectionReasonEnum = domainEnum(webhookRejectionReasons, 'WebhookRejectionReason', 'Why a request was refused at the door.');

@ObjectType({ description: 'A request refused before its sender was authenticated; kept outside the log, within WEBHOOK_REJECTS_MAX_* bounds.' })
export class WebhookReject {
  @Field({ description: 'The tool named by the path (`unknown` when none).' }) tool!: string;
  @Field(() => WebhookRejectionReasonEnum) reason!: WebhookRejectionReason;
  @Field(() => DateTimeScalar) receivedAt!: string;
  @Field() detail!: string;
  @Field() method!: string;
  @Field() path!: string;
  @Field(() => JSONObjectScalar, { description: 'Request headers without secrets or signatures.' }) headers!: object;
  @Field({ description: 'The head of the body (at most 4 KB, UTF-8).' }) excerpt!: string;
  @Field(() => Int) bodyBytes!: number;
}

@ObjectType()
export class WebhookRejectConnection extends Connection(WebhookReject) {}

@ObjectType({ description: 'A delivery identity that arrived again with another body; the first body stays the delivery.' })
export class WebhookConflict {
  @Field() deliveryId!: string;
  @Field(() => WebhookToolEnum) tool!: WebhookTool;
  @Field() dedupeKey!: string;
  @Field() eventKind!: string;
  @Field(() => DateTimeScalar) receivedAt!: string;
  @Field(() => DateTimeScalar) firstReceivedAt!: string;
  @Field() firstPayloadDigest!: string;
  @Field() payloadDigest!: string;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The conflicting body.' }) payload!: object | null;
  @Field(() => JSONObjectScalar) headers!: object;
}

@ObjectType()
export class WebhookConflictConnection extends Connection(WebhookConflict) {}

@ArgsType()
class WebhookRejectsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true }) tool?: string | null;
  @Field(() => WebhookRejectionReasonEnum, { nullable: true }) reason?: WebhookRejectionReason | null;
}

const toReject = ({ _id: _slot, ...reject }: RejectDocument): WebhookReject => reject as unknown as WebhookReject;

/** ADMIN views of what the webhook door refused or could not reconcile. */
@Resolver()
export class WebhookSecurityResolver {
  @Authorized('ADMIN')
  @Query(() => WebhookRejectConnection, { complexity: pageComplexity, description: 'Requests refused before their sender was authenticated, newest first (bounded storage).' })
  async webhookRejects(@Args() args: WebhookRejectsArgs, @Ctx() { services }: GraphQLContext): Promise<WebhookRejectConnection> {
    return connectionFrom(await services.webhookRejects.list({ tool: args.tool, reason: args.reason }, pageSizeOf(args), args.after), toReject);
  }

  @Authorized('ADMIN')
  @Query(() => WebhookConflictConnection, { complexity: pageComplexity, description: 'Delivery identities received again with another body, oldest first; `after` is a log position.' })
  async webhookConflicts(@Args() args: ConnectionArgs, @Ctx() { services }: GraphQLContext): Promise<WebhookConflictConnection> {
    const first = pageSizeOf(args);
    const after = positionOf(args.after);
    const edges: Array<{ cursor: string; node: WebhookConflict }> = [];
    let more = false;
    for await (const event of services.eventStore.readAll({ types: ['WebhookDeliveryConflicted'], maxCount: first + 1, ...(after !== undefined ? { after } : {}) })) {
      if (edges.length === first) {
        more = true;
        break;
      }
      edges.push({ cursor: positionCursor(event.position), node: toConflict(event as RecordedEvent<WebhookDeliveryConflicted>) });
    }
    const pageInfo = { hasNextPage: more, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
    return { edges, nodes: edges.map((edge) => edge.node), pageInfo };
  }
}

function positionOf(cursor: string | null | undefined): bigint | undefined {
  if (cursor == null) return undefined;
  if (!/^\d{1,20}$/.test(cursor)) throw new ValidationError('page.invalid_cursor', `after must be a log position (digits), got "${cursor}"`, { field: 'after' });
  return BigInt(cursor);
}

function toConflict(event: RecordedEvent<WebhookDeliveryConflicted>): WebhookConflict {
  const { payload, ...data } = event.data;
  return { ...data, tool: data.tool as WebhookTool, payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : null };
}
