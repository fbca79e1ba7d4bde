import { ensure, ensureNonEmpty } from '../shared/rules';
import { webhookTools } from '../webhook-delivery/webhook-tool';

/** Document ids of `client_identities` and keys of identity claims: one namespace for both. */
export const identityKey = {
  tool: (tool: string, externalId: string) => `${tool}:${externalId}`,
  domain: (domain: string) => `domain:${domain}`,
};

const domainPattern = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function ensureTool(tool: string): void {
  ensure((webhookTools as readonly string[]).includes(tool), 'identity.invalid_tool', `tool must be one of ${webhookTools.join(', ')}, got "${tool}"`, {
    allowed: webhookTools,
  });
}

export function ensureExternalId(externalId: string): void {
  ensureNonEmpty(externalId, 'externalId');
  ensure(externalId.length <= 128 && externalId.trim() === externalId, 'identity.invalid_external_id', `externalId must be at most 128 characters without surrounding spaces, got "${externalId}"`);
}

/** Domains are compared in lower case, as the translators look them up. */
export function ensureDomain(domain: string): void {
  ensure(domainPattern.test(domain), 'identity.invalid_domain', `domain must be a lower-case host name such as globex.example, got "${domain}"`);
}
