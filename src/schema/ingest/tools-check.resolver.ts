import { Args, Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { CredentialsStatus, WebhookStatus } from '../../tools/tools-check';
import type { WebhookTool } from '../../ingest/delivery';
import type { GraphQLContext } from '../context';
import { domainEnum } from '../enums/domain.enums';
import { Connection, ConnectionArgs, connectionOfList } from '../shared/connection';
import { WebhookToolEnum } from './webhook-delivery.type';

const CredentialsStatusEnum = domainEnum(['OK', 'REFUSED', 'FAILED', 'NOT_CONFIGURED'] as const, 'ToolCredentialsStatus', "Whether a tool's API credentials work: REFUSED (401/403), FAILED (unreachable or another error), NOT_CONFIGURED.");
const WebhookStatusEnum = domainEnum(
  ['OK', 'MISSING', 'WRONG_SECRET', 'SECRET_NOT_SHOWN', 'NOT_CHECKABLE', 'DISABLED', 'UNKNOWN'] as const,
  'ToolWebhookStatus',
  "Whether a tool's webhook reaches this server with the configured secret: SECRET_NOT_SHOWN (its API hides secrets), NOT_CHECKABLE (its API cannot list webhooks), DISABLED (no WEBHOOK_SECRET_<TOOL>), UNKNOWN (credentials failed).",
);

@ObjectType({ description: 'One tool, checked through its API.' })
class ToolCheck {
  @Field(() => WebhookToolEnum) tool!: WebhookTool;
  @Field(() => CredentialsStatusEnum) credentials!: CredentialsStatus;
  @Field() credentialsMessage!: string;
  @Field(() => WebhookStatusEnum) webhook!: WebhookStatus;
  @Field() webhookMessage!: string;
}

@ObjectType()
class ToolCheckConnection extends Connection(ToolCheck) {}

@Resolver()
export class ToolsCheckResolver {
  @Authorized('ADMIN')
  @Query(() => ToolCheckConnection, { complexity: 100, description: 'Per tool: do its API credentials work, and does its webhook reach this server (ZIXLY_PUBLIC_URL) with the configured secret? Calls each tool.' })
  async toolsCheck(@Args() args: ConnectionArgs, @Ctx() context: GraphQLContext): Promise<ToolCheckConnection> {
    // The tools come in the order checkTools names them, which does not change between calls.
    const checks = await context.services.checkTools();
    return connectionOfList(checks, (check) => String(checks.indexOf(check)).padStart(2, '0'), args);
  }
}
