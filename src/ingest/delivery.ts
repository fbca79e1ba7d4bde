import type { BusinessCommand } from '../aggregates';
import type { EventSource } from '../core/messages';
import type { Json } from '../core/read-store.port';
import type { WebhookTool } from '../tools/tool-names';

export { webhookTools, type WebhookTool } from '../tools/tool-names';

/** An accepted webhook delivery, as the inbox stored it before answering 2xx. */
export interface Delivery {
  readonly deliveryId: string;
  readonly tool: WebhookTool;
  /** The per-tool idempotency key (see shared webhook docs); the same key is one delivery. */
  readonly dedupeKey: string;
  /** The tool's own name for what happened (`conversation_created`, `issue.updated`, …). */
  readonly eventKind: string;
  readonly receivedAt: string;
  /** The request headers a translator may need (lower-case names), never secrets or signatures. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body. */
  readonly payload: Json;
}

/** A command a delivery asks for, with where the fact came from. */
export interface TranslatedCommand {
  readonly command: BusinessCommand;
  readonly source: EventSource;
}

/**
 * What a delivery means for the business. Pure: the same delivery and the same identities always
 * give the same translation, whatever order deliveries arrive in.
 */
export type Translation =
  | { readonly outcome: 'commands'; readonly commands: readonly TranslatedCommand[] }
  /** A kind of event the product does not use: acknowledged and counted, nothing else. */
  | { readonly outcome: 'ignored'; readonly reason: string }
  /** The delivery names a client (or other party) no mapping links yet: parked until linked. */
  | { readonly outcome: 'unmapped'; readonly tool: WebhookTool; readonly externalId: string; readonly reason: string }
  /** The payload lacks what its kind needs: parked as invalid, with why. */
  | { readonly outcome: 'invalid'; readonly reason: string };

/** Zixly's own ids for the tools' ids, from the identity mapping read model. */
export interface IdentityLookup {
  /** The client id linked to a tool's own id for that client (contact, customer, account, project…). */
  clientByToolId(tool: WebhookTool, externalId: string): string | null;
  /** The client id linked to an e-mail domain, for tools without a shared client id. */
  clientByEmailDomain(domain: string): string | null;
  /**
   * The invoices a payment (Zixly's payment id) was recorded on; empty when none. Answered only for
   * the payments the delivery names (see `withPaymentAllocations`), absent in lookups without them.
   */
  invoicesOfPayment?(paymentId: string): readonly string[];
}

export type Translator = (delivery: Delivery, identities: IdentityLookup) => Translation;
