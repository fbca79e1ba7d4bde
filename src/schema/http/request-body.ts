import type { IncomingMessage } from 'node:http';

/** 1 MiB: far above any operation we expect; bigger bodies are refused before they are buffered. */
export const maxBodyBytes = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the body as UTF-8, refusing it as soon as it passes `limit` bytes. */
export async function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
