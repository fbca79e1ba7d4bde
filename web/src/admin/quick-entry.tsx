import { type FormEvent, useState } from 'react';
import { GraphQLRequestError, request } from '../api/graphql';
import { useApp } from '../components/app-context';
import { CaptureLeadDocument } from '../gql/operations';
import type * as Types from '../../../src/schema/__generated__/schema-types';

const sources: readonly Types.LeadSource[] = ['WEBSITE', 'REFERRAL', 'LINKEDIN', 'EMAIL_CAMPAIGN', 'EVENT', 'PAID_ADS', 'OTHER'];

/** For EDITOR keys: a fact entered by hand goes through the same command and deciders as the API's. */
export function QuickEntryPage() {
  const { session, signedOut } = useApp();
  const [form, setForm] = useState({ name: '', company: '', email: '', source: 'WEBSITE' as Types.LeadSource });
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const leadId = `web-${crypto.randomUUID()}`;
    try {
      await request(session, CaptureLeadDocument, { input: { leadId, name: form.name, company: form.company || null, email: form.email || null, source: form.source } });
      setMessage(`Lead ${leadId} captured: the sales dashboard counts it as soon as its read model moves.`);
      setForm({ ...form, name: '', company: '', email: '' });
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.unauthenticated) return signedOut();
      setMessage(`Failed: ${(error as Error).message}`);
    }
  };
  return (
    <article className="dashboard" data-dashboard="entry" aria-labelledby="entry-title">
      <h2 id="entry-title">Capture a lead</h2>
      <form className="filters" onSubmit={(event) => void submit(event)} aria-label="Capture a lead">
        <label>
          Name
          <input name="name" required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        <label>
          Company
          <input name="company" value={form.company} onChange={(event) => setForm({ ...form, company: event.target.value })} />
        </label>
        <label>
          E-mail
          <input name="email" type="email" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        </label>
        <label>
          Source
          <select name="source" value={form.source} onChange={(event) => setForm({ ...form, source: event.target.value as Types.LeadSource })}>
            {sources.map((source) => (
              <option key={source}>{source}</option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">Capture lead</button>
        </div>
      </form>
      {message && <p role="status">{message}</p>}
    </article>
  );
}
