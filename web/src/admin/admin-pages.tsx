import { type FormEvent, useState } from 'react';
import { GraphQLRequestError, request } from '../api/graphql';
import { useApp } from '../components/app-context';
import { DataTable, Status } from '../components/data-table';
import { useQuery } from '../components/use-query';
import { formatDateTime, formatWhole } from '../format';
import {
  ApiKeysDocument,
  CreateApiKeyDocument,
  ParkedDeliveriesDocument,
  ProjectionsDocument,
  RebuildProjectionDocument,
  RedriveDeliveryDocument,
  RevokeApiKeyDocument,
} from '../gql/operations';
import type { Role } from '../api/session';

function useAction() {
  const { session, signedOut } = useApp();
  const [message, setMessage] = useState<string | null>(null);
  const run = async <R, V>(document: Parameters<typeof request<R, V>>[1], variables: V, done: (result: R) => string) => {
    try {
      setMessage(done(await request(session, document, variables)));
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.unauthenticated) return signedOut();
      setMessage(`Failed: ${(error as Error).message}`);
    }
  };
  return { message, run };
}

export function ProjectionsPage() {
  const { data, error, loading, reload } = useQuery(ProjectionsDocument, {});
  const { message, run } = useAction();
  return (
    <article className="dashboard" data-dashboard="projections" aria-labelledby="projections-title">
      <h2 id="projections-title">Read models</h2>
      <Status error={error} loading={loading && !data} />
      {message && <p role="status">{message}</p>}
      {data && (
        <DataTable
          id="projections"
          caption="Projections: position, lag and rebuilds"
          rows={data.projections.nodes}
          rowKey={(row) => row.name}
          columns={[
            { header: 'Name', cell: (row) => row.name },
            { header: 'State', cell: (row) => <span className={`badge badge-${row.state.toLowerCase()}`}>{row.rebuilding ? `rebuilding ${Math.round((row.rebuild?.fraction ?? 0) * 100)} %` : row.state}</span> },
            { header: 'Version', numeric: true, cell: (row) => row.version },
            { header: 'Position', numeric: true, cell: (row) => row.position ?? '—' },
            { header: 'Events behind', numeric: true, cell: (row) => formatWhole(row.lag?.eventsBehind) },
            { header: 'Failure', cell: (row) => row.failure?.error ?? row.rebuildError ?? '' },
            {
              header: 'Rebuild',
              cell: (row) => (
                <button type="button" disabled={row.rebuilding} onClick={() => void run(RebuildProjectionDocument, { name: row.name }, () => (reload(), `Rebuild of ${row.name} started`))}>
                  Rebuild {row.name}
                </button>
              ),
            },
          ]}
        />
      )}
    </article>
  );
}

export function ParkedDeliveriesPage() {
  const { session } = useApp();
  const { data, error, loading, reload } = useQuery(ParkedDeliveriesDocument, { first: 100 });
  const { message, run } = useAction();
  return (
    <article className="dashboard" data-dashboard="parked" aria-labelledby="parked-title">
      <h2 id="parked-title">Parked webhook deliveries</h2>
      <Status error={error} loading={loading && !data} />
      {message && <p role="status">{message}</p>}
      {data && (
        <DataTable
          id="parked-deliveries"
          caption="Deliveries the worker could not use (oldest parked first)"
          rows={data.parkedDeliveries.nodes}
          rowKey={(row) => row.deliveryId}
          columns={[
            { header: 'Tool', cell: (row) => row.tool },
            { header: 'What', cell: (row) => row.eventKind },
            { header: 'Reason', cell: (row) => row.reason },
            { header: 'Error', cell: (row) => row.detail?.error ?? '' },
            { header: 'Parked', cell: (row) => formatDateTime(row.parkedAt, session.businessTimeZone) },
            { header: 'Redrive', cell: (row) => <button type="button" onClick={() => void run(RedriveDeliveryDocument, { deliveryId: row.deliveryId }, (r) => (reload(), `Delivery handed back (run ${r.redriveDelivery.run})`))}>Redrive</button> },
          ]}
        />
      )}
    </article>
  );
}

export function ApiKeysPage() {
  const { session } = useApp();
  const { data, error, loading, reload } = useQuery(ApiKeysDocument, { first: 200 });
  const { message, run } = useAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [secret, setSecret] = useState<string | null>(null);
  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(CreateApiKeyDocument, { name, role }, (result) => {
      setSecret(result.createApiKey.secret);
      reload();
      return `Created ${result.createApiKey.key.role} key "${result.createApiKey.key.name}": copy its secret now, it is shown once.`;
    });
  };
  return (
    <article className="dashboard" data-dashboard="api-keys" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <form className="filters" onSubmit={create} aria-label="New API key">
        <label>
          Name
          <input name="name" required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Role
          <select name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            <option>VIEWER</option>
            <option>EDITOR</option>
            <option>ADMIN</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit">Create key</button>
        </div>
      </form>
      {message && <p role="status">{message}</p>}
      {secret && <output className="secret" aria-label="New key's secret">{secret}</output>}
      <Status error={error} loading={loading && !data} />
      {data && (
        <DataTable
          id="api-keys"
          caption="Every key (secrets are never stored)"
          rows={data.apiKeys.nodes}
          rowKey={(row) => row.keyId}
          columns={[
            { header: 'Name', cell: (row) => row.name },
            { header: 'Role', cell: (row) => row.role },
            { header: 'Created', cell: (row) => formatDateTime(row.createdAt, session.businessTimeZone) },
            { header: 'Revoked', cell: (row) => (row.revokedAt ? formatDateTime(row.revokedAt, session.businessTimeZone) : '') },
            { header: 'Revoke', cell: (row) => (row.revokedAt ? '' : <button type="button" onClick={() => void run(RevokeApiKeyDocument, { keyId: row.keyId }, () => (reload(), `Revoked "${row.name}"`))}>Revoke {row.name}</button>) },
          ]}
        />
      )}
    </article>
  );
}
