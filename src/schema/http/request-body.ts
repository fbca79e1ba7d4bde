import type { IncomingMessage } from 'node:http';

/** 1 MiB: far above any operation we expect; bigger bodies are refused before they are buffered. */
export const maxBodyBytes = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body's bytes are not UTF-8: decoding them would silently replace what was sent. */
export class BodyNotUtf8Error extends Error {
  constructor() {
    super('Request body is not valid UTF-8');
    this.name = 'BodyNotUtf8Error';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the body as UTF-8, refusing it as soon as it passes `limit` bytes, or when it is not UTF-8. */
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
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new BodyNotUtf8Error();
  }
}
