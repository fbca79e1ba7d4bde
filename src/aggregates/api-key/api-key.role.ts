/** What an API key may do; each role includes the ones below it (VIEWER < EDITOR < ADMIN). */
export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

/** Who is calling: an API key's id, name and role. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}
