export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

export interface Session {
  readonly name: string;
  readonly role: Role;
  /** Sent in x-zixly-csrf with every request; kept in memory only. */
  readonly csrfToken: string;
  readonly businessTimeZone: string;
}

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export const hasRole = (session: Session, role: Role): boolean => rank[session.role] >= rank[role];

export class SignInError extends Error {}

/** Who is signed in (the HttpOnly cookie travels by itself), or null. */
export async function currentSession(): Promise<Session | null> {
  const response = await fetch('/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = response.ok ? ((await response.json()) as (Session & { signedIn: true }) | { signedIn: false }) : null;
  return body?.signedIn ? body : null;
}

/** Exchanges the key for a session cookie: the key is sent once, in a POST body, and not kept. */
export async function signIn(key: string): Promise<Session> {
  const response = await fetch('/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ key }),
  });
  const body = (await response.json()) as Session | { error: string };
  if (!response.ok) throw new SignInError('error' in body ? body.error : `Sign-in failed (${response.status})`);
  return body as Session;
}

export async function signOut(session: Session): Promise<void> {
  await fetch('/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'x-zixly-csrf': session.csrfToken } });
}
