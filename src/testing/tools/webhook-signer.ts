import { createHmac } from 'node:crypto';

export interface SignOptions {
  readonly secret?: string;
  /** Chatwoot's Unix-seconds timestamp; defaults to now. */
  readonly timestamp?: number;
  /** `X-Chatwoot-Delivery`; defaults to one per body (Chatwoot sends a new uuid per event). */
  readonly chatwootDelivery?: string;
  readonly invoiceNinjaEvent?: string;
}

/** The headers a tool sends with `body`, signed (or carrying the secret) as that tool does; each tool's in its folder (`<tool>.signing.fake.ts`). */
export type WebhookSigner = (body: string | Buffer, secret: string, options: SignOptions) => Record<string, string>;

export const hmacSha256 = (secret: string, ...parts: Array<string | Buffer>): Buffer => parts.reduce((h, part) => h.update(part), createHmac('sha256', secret)).digest();

export const jsonContent = { 'content-type': 'application/json' } as const;
