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

/**
 * Reads the body as UTF-8, refusing it as soon as it passes `limit` bytes, or when it is not UTF-8.
 * A refused body is left paused, not destroyed: the server drops the rest after answering, so a
 * client still sending reads the answer instead of a reset.
 */
export async function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      reject(new BodyTooLargeError(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BodyNotUtf8Error();
  }
}
