import type { WebhookTool } from '../../ingest/delivery';

/** One webhook request as a tool would send it (headers are signed at send time). */
export interface PlannedDelivery {
  /** Ours, unique: names the delivery in reports (`chatwoot:5001:created`). */
  readonly label: string;
  readonly tool: WebhookTool;
  readonly body: string;
  /** Invoice Ninja names no event in its body: the subscription's `X-IN-Event`. */
  readonly invoiceNinjaEvent?: string;
}

/** A business fact the deliveries must produce exactly once: an event type and what identifies it. */
export interface ExpectedFact {
  readonly type: string;
  readonly key: string;
}

/** A client onboarded in Zixly and linked to its ids in the tools before deliveries arrive. */
export interface WorkloadClient {
  readonly clientId: string;
  readonly name: string;
  readonly domain: string;
  readonly chatwootContactId: string;
  readonly invoiceNinjaClientId: string;
}

/** The deliveries of one business story (a conversation, an invoice and its payments, a lead). */
export interface WorkloadUnit {
  readonly deliveries: PlannedDelivery[];
  readonly facts: ExpectedFact[];
}

export interface WebhookWorkload {
  readonly clients: readonly WorkloadClient[];
  readonly deliveries: readonly PlannedDelivery[];
  readonly facts: readonly ExpectedFact[];
}
