import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomId } from '../../core/ids';
import type { Clock } from '../../core/time';
import type { WebhookTool } from '../delivery';
import type { WebhookInbox } from '../inbox/webhook-inbox';
import { secretVariable } from '../ingest.config';
import type { Rejection, WebhookQuarantine } from '../quarantine/webhook-quarantine';
import type { WebhookRejectionReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import { type DeliveryDraft, type JsonObject, MalformedDeliveryError } from './delivery-draft';
import { maxWebhookBodyBytes, readRawBody, WebhookBodyTooLargeError } from './raw-body.reader';
import { clientHungUp } from '../../http/http-server';
import { maxJsonDepth, nestsDeeperThan } from './json-depth';
import { flatHeaders, safeHeaders } from './safe-headers';
import { type Answer, refusal, sendAnswer } from './webhook-response';
import type { ToolIngest } from './webhook-tools';

export interface ReceiverOptions {
  readonly tools: Readonly<Record<WebhookTool, ToolIngest>>;
  readonly secrets: Readonly<Record<WebhookTool, string | null>>;
  readonly inbox: WebhookInbox;
  readonly quarantine: WebhookQuarantine;
  readonly clock: Clock;
  readonly maxBodyBytes?: number;
}

/** One request on its way through the door. */
interface Call<I extends ToolIngest | null = ToolIngest> {
  readonly tool: string;
  readonly ingest: I;
  readonly request: IncomingMessage;
  readonly headers: Record<string, string>;
  readonly pathSuffix: string | null;
}

class Refused extends Error {
  constructor(
    readonly reason: WebhookRejectionReason,
    readonly answer: Answer,
    readonly body: Buffer | null = null,
    readonly bodyBytes = 0,
  ) {
    super(String(answer.body.message));
  }
}

/** The client closed the connection before its body ended: its doing, and nobody left to answer. */
class ClientHungUp extends Error {
  constructor(cause: unknown) {
    super('the client closed the connection before the request body ended', { cause });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies on the raw bytes, then stores each delivery in the inbox before answering 2xx; the
 * worker does the rest. Every refusal is answered with a clear reason and quarantined.
 */
export class WebhookReceiver {
  constructor(private readonly options: ReceiverOptions) {}

  async receive(tool: WebhookTool, request: IncomingMessage, response: ServerResponse, pathSuffix: string | null): Promise<void> {
    const call: Call = { tool, ingest: this.options.tools[tool], request, headers: flatHeaders(request.headers), pathSuffix };
    try {
      sendAnswer(response, call.ingest, await this.accept(tool, call));
    } catch (error) {
      if (error instanceof ClientHungUp) return this.hungUp(call, response, error);
      if (!(error instanceof Refused)) return this.unavailable(call, response, error);
      await this.quarantine(call, error);
      sendAnswer(response, call.ingest, error.answer);
    }
  }

  /** Requests on `/webhooks/…` that reach no tool's endpoint: an unknown tool, or a method the tool never sends. */
  async refuseUnrouted(tool: WebhookTool | null, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const ingest = tool === null ? null : this.options.tools[tool];
    const call: Call<ToolIngest | null> = { tool: tool ?? 'unknown', ingest, request, headers: flatHeaders(request.headers), pathSuffix: null };
    const refused =
      ingest === null
        ? new Refused('unknown_tool', refusal(400, 'unknown_tool', `no webhook endpoint at ${pathOf(request)}; tools: /webhooks/{plane,chatwoot,invoiceninja,xero,mautic,nextcloud}`))
        : new Refused('method_not_allowed', refusal(405, 'method_not_allowed', `${tool} webhooks accept ${ingest.methods.join(' or ')} on /webhooks/${tool}`));
    await this.quarantine(call, refused);
    sendAnswer(response, ingest, refused.answer);
  }

  private async accept(tool: WebhookTool, call: Call): Promise<Answer> {
    const secret = this.options.secrets[tool];
    if (secret === null) {
      const message = `webhooks for ${tool} are disabled: set ${secretVariable(tool)}`;
      throw new Refused('tool_disabled', refusal(503, 'tool_disabled', message));
    }
    const raw = await this.readBody(call);
    const failure = call.ingest.verify({ raw, headers: call.headers, secret, now: this.options.clock() });
    if (failure !== null) throw new Refused(failure.reason, refusal(401, failure.reason, failure.detail), raw, raw.length);
    const drafts = this.draftsOf(call, raw);
    return this.store(tool, call, drafts);
  }

  /** The inbox could not store the delivery: the sender should try again (where it does). */
  private unavailable(call: Call, response: ServerResponse, error: unknown): void {
    console.error(JSON.stringify({ level: 'error', msg: 'webhook delivery not stored', tool: call.tool, error: String(error), stack: (error as Error)?.stack }));
    if (response.headersSent) return void response.destroy();
    sendAnswer(response, call.ingest, refusal(503, 'unavailable', 'the delivery could not be stored; try again later'));
  }

  /** Logged at warn: nothing was acknowledged, so a sender that retries loses nothing. */
  private hungUp(call: Call, response: ServerResponse, error: ClientHungUp): void {
    console.warn(JSON.stringify({ level: 'warn', msg: 'webhook request abandoned mid-body by the client', tool: call.tool, error: String(error.cause) }));
    response.destroy();
  }

  private async readBody(call: Call): Promise<Buffer> {
    try {
      return await readRawBody(call.request, this.options.maxBodyBytes ?? maxWebhookBodyBytes);
    } catch (error) {
      if (clientHungUp(call.request, error)) throw new ClientHungUp(error);
      if (!(error instanceof WebhookBodyTooLargeError)) throw error;
      const message = `request body is larger than ${error.limit} bytes`;
      throw new Refused('too_large', refusal(413, 'too_large', message), error.head, error.bytesRead);
    }
  }

  private draftsOf(call: Call, raw: Buffer): DeliveryDraft[] {
    const malformed = (message: string) => new Refused('malformed', refusal(400, 'malformed', message), raw, raw.length);
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      throw malformed('request body is not valid UTF-8');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw malformed('request body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw malformed('request body must be a JSON object');
    if (nestsDeeperThan(body)) throw malformed(`request body nests deeper than ${maxJsonDepth} levels`);
    try {
      return call.ingest.split({ raw, body: body as JsonObject, headers: call.headers, pathSuffix: call.pathSuffix });
    } catch (error) {
      if (error instanceof MalformedDeliveryError) throw malformed(`${call.tool} delivery is malformed: ${error.detail}`);
      throw error;
    }
  }

  private async store(tool: WebhookTool, call: Call, drafts: readonly DeliveryDraft[]): Promise<Answer> {
    const arrival = {
      tool,
      receivedAt: this.options.clock().toISOString(),
      correlationId: randomId(),
      headers: safeHeaders(call.headers, call.ingest.secretHeaders),
    };
    const stored = await this.options.inbox.accept(drafts, arrival);
    const duplicate = stored.length > 0 && stored.every((delivery) => delivery.duplicate);
    const deliveries = stored.map(({ deliveryId, eventKind, duplicate, conflict }) => ({ deliveryId, eventKind, duplicate, ...(conflict ? { conflict } : {}) }));
    return { status: call.ingest.acceptedStatus, body: { status: duplicate ? 'duplicate' : 'accepted', deliveries } };
  }

  private async quarantine(call: Call<ToolIngest | null>, refused: Refused): Promise<void> {
    const rejection: Rejection = {
      tool: call.tool,
      reason: refused.reason,
      detail: refused.message,
      method: call.request.method ?? '',
      path: pathOf(call.request),
      headers: safeHeaders(call.headers, call.ingest?.secretHeaders ?? []),
      body: refused.body,
      bodyBytes: refused.bodyBytes,
    };
    await this.options.quarantine.record(rejection);
  }
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}
