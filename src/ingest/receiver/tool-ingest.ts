import type { DeliverySplitter } from './delivery-draft';
import type { SignatureVerifier } from './signature-check';

/** How the receiver treats one tool's requests (each tool declares its own in `src/tools/<tool>/<tool>.tool.ts`). */
export interface ToolIngest {
  readonly verify: SignatureVerifier;
  readonly split: DeliverySplitter;
  /** Methods the tool can be configured to send. */
  readonly methods: readonly string[];
  /** Whether `/webhooks/<tool>/<suffix>` is meaningful (Invoice Ninja: the event name). */
  readonly pathSuffix: boolean;
  /** Headers holding the signature or the secret: never stored. */
  readonly secretHeaders: readonly string[];
  /** Xero: every answer has an empty body, and acceptance is 200. */
  readonly emptyBodies: boolean;
  readonly acceptedStatus: 200 | 202;
  /** Statuses that make the tool delete or unpublish its subscription: answered 400 instead. */
  readonly forbiddenStatuses: readonly number[];
}

/** What most tools do: a signed POST, answered 202 with the deliveries. */
export const signedPost = { methods: ['POST'], pathSuffix: false, emptyBodies: false, acceptedStatus: 202, forbiddenStatuses: [] } as const;
