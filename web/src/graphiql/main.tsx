import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentSession } from '../api/session';
import './graphiql.css';

const defaultQuery = `# Zixly Ops GraphQL API. Every request needs an API key:
#  - signed in to the dashboard (same browser)? Your session is used: nothing to do.
#  - otherwise put your key in the Headers tab below:
#      { "Authorization": "Bearer zx_…" }
#    (the first ADMIN key of a fresh install is in data/admin-key.txt).
# Roles: VIEWER reads, EDITOR also runs the command mutations, ADMIN also manages keys and read models.

query FinanceThisYear {
  financialDashboard(period: { from: "${new Date().getFullYear()}-01-01", to: "${new Date().getFullYear() + 1}-01-01" }) {
    revenue { value { accrual { totalCents } cash { totalCents } } }
    mrr { value { mrrCents payingClients } }
  }
}
`;

async function start() {
  const session = await currentSession().catch(() => null);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const fetcher = createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: `${scheme}://${location.host}/graphql`,
    headers: session ? { 'x-zixly-csrf': session.csrfToken } : {},
    wsConnectionParams: session ? { csrfToken: session.csrfToken } : {},
  });
  createRoot(document.getElementById('ide')!).render(
    <StrictMode>
      <div className="ide-banner" role="note">
        <strong>Zixly Ops · GraphQL IDE</strong>{' '}
        {session ? (
          <span>
            Signed in as {session.name} ({session.role}): requests use your dashboard session. <a href="/">Back to the dashboards</a>
          </span>
        ) : (
          <span>
            Not signed in: add <code>{'{ "Authorization": "Bearer zx_…" }'}</code> in the Headers tab (the first ADMIN key is in <code>data/admin-key.txt</code>), or <a href="/">sign in</a> and come back.
          </span>
        )}
      </div>
      <div className="ide-frame">
        <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultEditorToolsVisibility={session ? false : 'headers'} />
      </div>
    </StrictMode>,
  );
}

void start();
