import { ToolsCheckResolver } from './tools-check.resolver';
import { WebhookIngestResolver } from './webhook-ingest.resolver';

/** Webhook ingest administration: parked deliveries, redrives, delivery counters. */
export const ingestResolvers: Function[] = [WebhookIngestResolver, ToolsCheckResolver];
