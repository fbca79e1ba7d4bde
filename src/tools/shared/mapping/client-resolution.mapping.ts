import type { IdentityLookup, WebhookTool } from '../../../ingest/delivery';
import { unmappedParty } from './translation.results';

/** How a delivery names the client: the tool's own id for it, and e-mail addresses as a fallback. */
export interface ClientClues {
  readonly tool: WebhookTool;
  readonly externalId: string;
  /** What the external id is in the tool ("contact", "client"), for the unmapped message. */
  readonly kind: string;
  readonly emails?: readonly (string | null)[];
}

export function emailDomainOf(email: string | null): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (email === null || at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain.includes('.') ? domain : null;
}

/** The Zixly client: by the tool's id first, then by a linked e-mail domain; otherwise unmapped. */
export function resolveClient(identities: IdentityLookup, clues: ClientClues): string {
  const byId = identities.clientByToolId(clues.tool, clues.externalId);
  if (byId !== null) return byId;
  for (const email of clues.emails ?? []) {
    const domain = emailDomainOf(email);
    const byDomain = domain === null ? null : identities.clientByEmailDomain(domain);
    if (byDomain !== null) return byDomain;
  }
  const domains = (clues.emails ?? []).map(emailDomainOf).filter((domain) => domain !== null);
  const tried = domains.length > 0 ? ` or e-mail domain ${domains.join(', ')}` : '';
  throw unmappedParty(clues.tool, clues.externalId, `No Zixly client is linked to ${clues.tool} ${clues.kind} ${clues.externalId}${tried}`);
}
