import type { ServerResponse } from 'node:http';
import type { ToolIngest } from './webhook-tools';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Writes an answer in the tool's terms: a status that would delete the tool's subscription becomes
 * 400, and Xero gets an empty body (its contract), with the message in `x-zixly-reason` for people.
 */
export function sendAnswer(response: ServerResponse, ingest: ToolIngest | null, answer: Answer): void {
  const status = ingest?.forbiddenStatuses.includes(answer.status) ? 400 : answer.status;
  if (ingest?.emptyBodies) {
    const message = typeof answer.body.message === 'string' ? answer.body.message : null;
    response.writeHead(status, { 'content-length': 0, ...(message && status >= 300 ? { 'x-zixly-reason': message } : {}) });
    response.end();
    return;
  }
  const payload = JSON.stringify(answer.body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

/** A refusal; whatever of the body is left unread the HTTP server drops after the answer is sent. */
export function refusal(status: number, reason: string, message: string): Answer {
  return { status, body: { error: reason, message } };
}
