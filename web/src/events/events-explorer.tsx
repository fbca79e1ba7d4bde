import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { downloadExport } from '../api/graphql';
import { liveClient } from '../api/live';
import { useApp } from '../components/app-context';
import { Status } from '../components/data-table';
import { useQuery } from '../components/use-query';
import { formatDateTime } from '../format';
import { EventAppendedDocument, type EventFieldsFragment, EventsDocument, StreamDocument } from '../gql/operations';

export interface EventCriteria {
  readonly types: string;
  readonly categories: string;
  readonly streams: string;
  readonly from: string;
  readonly to: string;
  readonly correlationId: string;
}

const fields: ReadonlyArray<[keyof EventCriteria, string, string]> = [
  ['categories', 'Categories', 'Invoice, Ticket'],
  ['types', 'Event types', 'InvoicePaid'],
  ['streams', 'Streams', 'Invoice-42'],
  ['from', 'Occurred from', '2026-01-01T00:00:00+10:00'],
  ['to', 'Occurred before', '2026-02-01T00:00:00+10:00'],
  ['correlationId', 'Correlation id', ''],
];

export function criteriaOf(query: URLSearchParams): EventCriteria {
  return { types: query.get('types') ?? '', categories: query.get('categories') ?? '', streams: query.get('streams') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '', correlationId: query.get('correlationId') ?? '' };
}

const list = (value: string) => value.split(',').map((part) => part.trim()).filter(Boolean);

function filterOf(criteria: EventCriteria) {
  const filter: Record<string, unknown> = {};
  for (const key of ['types', 'categories', 'streams'] as const) if (list(criteria[key]).length > 0) filter[key] = list(criteria[key]);
  for (const key of ['from', 'to', 'correlationId'] as const) if (criteria[key].trim()) filter[key] = criteria[key].trim();
  return filter;
}

/** The log for analysts: filter it, read a stream, follow new events live, export what is shown. */
export function EventsExplorer({ query }: { query: URLSearchParams }) {
  const { session } = useApp();
  const criteria = criteriaOf(query);
  const stream = query.get('stream');
  const [draft, setDraft] = useState<EventCriteria>(criteria);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setDraft(criteriaOf(query)), [query]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(Object.entries(draft).filter(([, value]) => value.trim() !== ''));
    location.hash = `#/events?${next}`;
  };
  const exportShown = async () => {
    const bytes = await downloadExport(session, new URLSearchParams(Object.entries(stream ? { streams: stream } : criteria).filter(([, value]) => value.trim() !== '')), 'events.ndjson');
    setNotice(`Exported ${bytes.toLocaleString('en-AU')} bytes as events.ndjson`);
  };
  return (
    <article className="dashboard" data-dashboard="events" aria-labelledby="events-title">
      <h2 id="events-title">Events</h2>
      <form className="filters" onSubmit={apply} aria-label="Event filter">
        {fields.map(([key, label, placeholder]) => (
          <label key={key}>
            {label}
            <input name={key} value={draft[key]} placeholder={placeholder} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} />
          </label>
        ))}
        <div className="actions">
          <button type="submit">Filter</button>
          <button type="button" onClick={() => void exportShown()}>
            Export NDJSON
          </button>
        </div>
      </form>
      {notice && <p role="status">{notice}</p>}
      {stream ? <StreamView name={stream} /> : <EventList criteria={criteria} />}
    </article>
  );
}

function EventList({ criteria }: { criteria: EventCriteria }) {
  const filter = useMemo(() => filterOf(criteria), [criteria]);
  const [after, setAfter] = useState<string | null>(null);
  const [shown, setShown] = useState<EventFieldsFragment[]>([]);
  useEffect(() => {
    setAfter(null);
    setShown([]);
  }, [JSON.stringify(filter)]);
  const { data, error, loading } = useQuery(EventsDocument, { first: 50, after, filter }, { live: false });
  useEffect(() => {
    if (data) setShown((previous) => [...(after ? previous : []), ...data.events.edges.map((edge) => edge.node)]);
  }, [data]);
  return (
    <>
      <Status error={error} loading={loading && shown.length === 0} />
      <EventTable events={shown} caption={`Events in log order (${shown.length} shown)`} />
      {data?.events.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.events.pageInfo.endCursor ?? null)}>
          Load more
        </button>
      )}
    </>
  );
}

function StreamView({ name }: { name: string }) {
  const { session } = useApp();
  const { data, error, loading } = useQuery(StreamDocument, { name, first: 200 }, { live: false });
  const [live, setLive] = useState<EventFieldsFragment[]>([]);
  const client = useRef(liveClient(session));
  useEffect(() => {
    setLive([]);
    const stop = client.current.subscribe<{ eventAppended: EventFieldsFragment }>(
      { query: EventAppendedDocument.toString(), variables: { filter: { streams: [name] } } },
      { next: ({ data: next }) => next && setLive((previous) => [...previous, next.eventAppended]), error: () => undefined, complete: () => undefined },
    );
    return () => stop();
  }, [name]);
  useEffect(() => () => void client.current.dispose(), []);
  const events = [...(data?.stream.nodes ?? []), ...live.filter((event) => !data?.stream.nodes.some((known) => known.id === event.id))];
  return (
    <section aria-labelledby="stream-title">
      <h3 id="stream-title">
        Stream {name}
      </h3>
      <Status error={error} loading={loading && !data} />
      <EventTable events={events} caption={`${events.length} events in revision order, live`} />
    </section>
  );
}

function EventTable({ events, caption }: { events: readonly EventFieldsFragment[]; caption: string }) {
  const { session } = useApp();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table data-table="events">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">Position</th>
            <th scope="col">Occurred</th>
            <th scope="col">Type</th>
            <th scope="col">Stream</th>
            <th scope="col">Data</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event-type={event.type} data-stream={event.stream}>
              <td className="num">{event.position}</td>
              <td>{formatDateTime(event.occurredAt, session.businessTimeZone)}</td>
              <td>{event.type}</td>
              <td>
                <a href={`#/events?stream=${encodeURIComponent(event.stream)}`}>{event.stream}</a> <span className="muted">r{event.revision}</span>
              </td>
              <td>
                <button type="button" className="link" aria-expanded={open === event.id} onClick={() => setOpen(open === event.id ? null : event.id)}>
                  {open === event.id ? 'hide' : 'show'}
                </button>
                {open === event.id && <pre className="json">{JSON.stringify({ data: event.data, metadata: event.metadata }, null, 2)}</pre>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
