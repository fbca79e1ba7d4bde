import { type FormEvent, useState } from 'react';
import { type Session, signIn } from './api/session';

/**
 * The key is posted once (never put in the URL, a GET or storage) and exchanged for an HttpOnly
 * session cookie; the field is cleared whatever the outcome.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signIn(key));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setKey('');
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <h1>Zixly Ops</h1>
      <form method="post" action="/session" onSubmit={(event) => void submit(event)} aria-label="Sign in">
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="key" type="password" autoComplete="off" spellCheck={false} required placeholder="zx_…" value={key} onChange={(event) => setKey(event.target.value)} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p className="hint">
        On a fresh install the first ADMIN key is in <code>data/admin-key.txt</code>. Keys with the VIEWER role see the dashboards and the events, EDITOR keys also enter facts, ADMIN keys also manage read models, parked
        deliveries and keys. Signing in sets a session cookie for this site only; the key itself is not kept by the browser.
      </p>
    </main>
  );
}
