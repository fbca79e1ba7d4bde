import type { BusinessCommand } from '../../../aggregates';
import { AppError, NotFoundError } from '../../../core/errors';
import type { Delivery, IdentityLookup, TranslatedCommand, Translation, WebhookTool } from '../../../ingest/delivery';
import { invalidPayloadCode } from './payload.reader';

export const unmappedCode = 'ingest.unmapped';

export const ignored = (reason: string): Translation => ({ outcome: 'ignored', reason });

export function commandsOf(commands: readonly TranslatedCommand[]): Translation {
  return { outcome: 'commands', commands };
}

export function translated(command: BusinessCommand, tool: WebhookTool, externalId: string): TranslatedCommand {
  return { command, source: { tool, externalId } };
}

/** The party a delivery names has no link to a Zixly client yet. */
export function unmappedParty(tool: WebhookTool, externalId: string, reason: string): NotFoundError {
  return new NotFoundError(unmappedCode, reason, { tool, externalId });
}

/**
 * Runs a translation body; the reads' validation errors become `invalid`, an unknown party
 * becomes `unmapped`. Anything else is a bug and propagates.
 */
export function translateWith(body: () => Translation): Translation {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === invalidPayloadCode) return { outcome: 'invalid', reason: error.message };
    if (error.code === unmappedCode) {
      const { tool, externalId } = error.details as { tool: WebhookTool; externalId: string };
      return { outcome: 'unmapped', tool, externalId, reason: error.message };
    }
    throw error;
  }
}

export type DeliveryTranslator = (delivery: Delivery, identities: IdentityLookup) => Translation;
