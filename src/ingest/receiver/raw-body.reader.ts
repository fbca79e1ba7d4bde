import type { IncomingMessage } from 'node:http';

/** 1 MiB: far above any webhook the tools send; beyond it reading stops and the request is refused. */
export const maxWebhookBodyBytes = 1024 * 1024;

export class WebhookBodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** What had been read when reading stopped, for the quarantine's excerpt. */
    readonly head: Buffer,
    readonly bytesRead: number,
  ) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'WebhookBodyTooLargeError';
  }
}

/**
 * The exact bytes of the body (signatures are over them). A declared Content-Length over the limit
 * is refused before anything is read; otherwise reading stops at the first chunk past the limit.
 * The request is paused, not destroyed, so the caller can still answer 413 and close.
 */
export function readRawBody(request: IncomingMessage, limit = maxWebhookBodyBytes): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new WebhookBodyTooLargeError(limit, Buffer.alloc(0), 0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      stop();
      reject(new WebhookBodyTooLargeError(limit, Buffer.concat(chunks).subarray(0, 4096), size));
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
}
