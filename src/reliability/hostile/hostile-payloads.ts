import { webhookTools, type WebhookTool } from '../../ingest/delivery';
import { testSecrets } from '../../testing/ingest/ingest.fixtures';

/** `{"a":{"a":…1…}}`, `depth` levels: valid JSON that recursive code cannot walk. */
export const deeplyNested = (depth: number, key = 'a') => `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;

/** Keys that pollute `Object.prototype` when code merges parsed JSON with `Object.assign` or a naive deep merge. */
export const pollutingKeys = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';

/** Adds the polluting keys at the top of a JSON object and inside each of its nested `"sender":{` objects. */
export function withPollutingKeys(json: string): string {
  return json.replace(/^\{/, `{${pollutingKeys},`).replaceAll('"sender":{', `"sender":{${pollutingKeys},`);
}

/** The secret of the next tool: a request signed by a tool with another tool's key. */
export function anotherToolsSecret(tool: WebhookTool): string {
  return testSecrets[webhookTools[(webhookTools.indexOf(tool) + 1) % webhookTools.length]!];
}

/** Invalid UTF-8 (a lone continuation byte and an overlong encoding) inside an otherwise JSON body. */
export const invalidUtf8 = (before: string, after: string) => Buffer.concat([Buffer.from(before), Buffer.from([0x80, 0xc0, 0xaf]), Buffer.from(after)]);

/** HTTP/1.1 chunked framing of `body` in `size`-byte chunks, ending with the last chunk. */
export function chunked(body: Buffer, size: number): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const part = body.subarray(at, at + size);
    frames.push(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]));
  }
  return [...frames, Buffer.from('0\r\n\r\n')];
}
