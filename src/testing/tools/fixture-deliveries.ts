import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import type { Delivery, WebhookTool } from '../../ingest/delivery';

type Sample = { _headers?: Record<string, string>; _note?: string; [key: string]: Json | undefined };

const toolsFolder = join(__dirname, '..', '..', 'tools');

/** Where a tool keeps its sample payloads: `src/tools/<tool>/fixtures/`. */
export const toolFixturesFolder = (tool: string): string => join(toolsFolder, tool, 'fixtures');

/** A first sample's file, `src/tools/<tool>/fixtures/<tool>.<event>.json`, from its name `<tool>.<event>`. */
export const fixturePath = (name: string): string => join(toolFixturesFolder(name.slice(0, name.indexOf('.'))), `${name}.json`);

/**
 * The sample requests of the shared webhook docs (`<tool>.<event>.json` in each tool's fixtures),
 * copied here so tests never read outside the repo.
 */
export const fixtureNames: readonly string[] = readdirSync(toolsFolder)
  .filter((tool) => existsSync(toolFixturesFolder(tool)))
  .flatMap((tool) => readdirSync(toolFixturesFolder(tool)).filter((name) => name.startsWith(`${tool}.`) && name.endsWith('.json')))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

/**
 * A sample as the inbox would hand it over: `_headers` become lower-case headers (signatures
 * dropped, as the receiver does), `_note` is ours and goes; the rest is the body.
 */
export function fixtureDelivery(name: string): Delivery {
  const { _headers = {}, _note, ...body } = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Sample;
  const tool = name.slice(0, name.indexOf('.')) as WebhookTool;
  const headers = Object.fromEntries(
    Object.entries(_headers)
      .filter(([key]) => !/signature|token/i.test(key))
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
  const payload = body as Json;
  return { deliveryId: `fixture-${name}`, tool, dedupeKey: `fixture:${name}`, eventKind: eventKindOf(tool, headers, payload), receivedAt: '2026-06-03T00:00:00.000Z', headers, payload };
}

function eventKindOf(tool: WebhookTool, headers: Record<string, string>, payload: Json): string {
  const body = payload as Record<string, Json>;
  switch (tool) {
    case 'plane':
      return body.version === 'v2' ? String(body.event) : `${String(body.event)}.${String(body.action)}`;
    case 'chatwoot':
      return String(body.event);
    case 'invoiceninja':
      return (headers['x-in-event'] ?? '').split(' ')[0]!;
    case 'xero':
      return 'events';
    case 'mautic':
      return Object.keys(body).filter((key) => key.startsWith('mautic.')).join(',');
    case 'nextcloud':
      return String((body.event as Record<string, Json>).class);
  }
}
