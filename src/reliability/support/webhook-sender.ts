import { signedHeaders } from '../../testing/ingest/ingest.fixtures';
import type { PlannedDelivery } from '../workload/workload.types';

/** What became of one request: acknowledged (2xx), refused (4xx: never retried) or failed (retry it). */
export type SendOutcome = { readonly kind: 'acked' | 'refused' | 'failed'; readonly status: number | null; readonly detail: string };

const requestTimeoutMs = 30_000;

/** Posts a delivery as its tool does, signed at send time (Chatwoot's timestamp is now). */
export async function sendDelivery(baseUrl: string, planned: PlannedDelivery): Promise<SendOutcome> {
  const headers = signedHeaders(planned.tool, planned.body, planned.invoiceNinjaEvent ? { invoiceNinjaEvent: planned.invoiceNinjaEvent } : {});
  try {
    const response = await fetch(`${baseUrl}/webhooks/${planned.tool}`, { method: 'POST', headers, body: planned.body, signal: AbortSignal.timeout(requestTimeoutMs) });
    const detail = await response.text();
    if (response.status >= 200 && response.status < 300) return { kind: 'acked', status: response.status, detail };
    return { kind: response.status >= 400 && response.status < 500 ? 'refused' : 'failed', status: response.status, detail };
  } catch (error) {
    return { kind: 'failed', status: null, detail: String((error as Error).cause ?? error) };
  }
}
