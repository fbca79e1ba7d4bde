import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiKeysPage, ParkedDeliveriesPage, ProjectionsPage } from './admin/admin-pages';
import { QuickEntryPage } from './admin/quick-entry';
import { liveClient, onReadModelsAdvance } from './api/live';
import { currentSession, hasRole, type Role, type Session, signOut } from './api/session';
import { AppContext, type AppState } from './components/app-context';
import { asOfInstant, defaultSelection, PeriodPicker, type PeriodSelection } from './components/period-picker';
import { ClientsSupportDashboard } from './dashboards/clients-support.dashboard';
import { FinancialDashboard } from './dashboards/financial.dashboard';
import { KpiFactsPage } from './dashboards/kpi-facts.page';
import { OperationsDashboard } from './dashboards/operations.dashboard';
import { SalesPipelineDashboard } from './dashboards/sales-pipeline.dashboard';
import { ServiceDeliveryDashboard } from './dashboards/service-delivery.dashboard';
import { TargetsDashboard } from './dashboards/targets.dashboard';
import { EventsExplorer } from './events/events-explorer';
import { SignIn } from './sign-in';

interface View {
  readonly path: string;
  readonly label: string;
  readonly role: Role;
  /** Whether the period picker applies. */
  readonly periodic: boolean;
  /** Reached from a dashboard, not from the menu. */
  readonly unlisted?: boolean;
  readonly render: (query: URLSearchParams) => ReactNode;
}

/** Each view and the least role that sees it (the API enforces the same roles). */
const views: readonly View[] = [
  { path: 'financial', label: 'Financial', role: 'VIEWER', periodic: true, render: () => <FinancialDashboard /> },
  { path: 'service-delivery', label: 'Service delivery', role: 'VIEWER', periodic: true, render: () => <ServiceDeliveryDashboard /> },
  { path: 'clients-support', label: 'Clients & support', role: 'VIEWER', periodic: true, render: () => <ClientsSupportDashboard /> },
  { path: 'sales-pipeline', label: 'Sales pipeline', role: 'VIEWER', periodic: true, render: () => <SalesPipelineDashboard /> },
  { path: 'operations', label: 'Operations', role: 'VIEWER', periodic: true, render: () => <OperationsDashboard /> },
  { path: 'targets', label: 'Targets', role: 'VIEWER', periodic: true, render: () => <TargetsDashboard /> },
  { path: 'facts', label: 'Facts', role: 'VIEWER', periodic: true, unlisted: true, render: (query) => <KpiFactsPage query={query} /> },
  { path: 'events', label: 'Events', role: 'VIEWER', periodic: false, render: (query) => <EventsExplorer query={query} /> },
  { path: 'entry', label: 'Capture a lead', role: 'EDITOR', periodic: false, render: () => <QuickEntryPage /> },
  { path: 'projections', label: 'Read models', role: 'ADMIN', periodic: false, render: () => <ProjectionsPage /> },
  { path: 'parked', label: 'Parked deliveries', role: 'ADMIN', periodic: false, render: () => <ParkedDeliveriesPage /> },
  { path: 'keys', label: 'API keys', role: 'ADMIN', periodic: false, render: () => <ApiKeysPage /> },
];

function useHashRoute(): { path: string; query: URLSearchParams } {
  const read = () => {
    const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    return { path, query: new URLSearchParams(query) };
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
  }, []);
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  return <Shell key={session.csrfToken} session={session} onSignedOut={() => setSession(null)} />;
}

function Shell({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const route = useHashRoute();
  const [selection, setSelection] = useState<PeriodSelection>(() => defaultSelection(session.businessTimeZone));
  const [liveTick, setLiveTick] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const client = liveClient(session);
    const offs = [client.on('connected', () => setConnected(true)), client.on('closed', () => setConnected(false))];
    const stop = onReadModelsAdvance(client, () => setLiveTick((tick) => tick + 1));
    return () => {
      stop();
      offs.forEach((off) => off());
      void client.dispose();
    };
  }, [session]);
  const visible = views.filter((view) => hasRole(session, view.role));
  const view = visible.find((one) => one.path === route.path) ?? visible[0]!;
  const state: AppState = useMemo(
    () => ({ session, period: selection.period, asOf: asOfInstant(selection, session.businessTimeZone), liveTick, signedOut: onSignedOut }),
    [session, selection, liveTick, onSignedOut],
  );
  return (
    <AppContext.Provider value={state}>
      <header className="top">
        <h1>
          <a href="#/">Zixly Ops</a>
        </h1>
        <nav aria-label="Views">
          <ul>
            {visible.filter((one) => !one.unlisted).map((one) => (
              <li key={one.path}>
                <a href={`#/${one.path}`} aria-current={one === view ? 'page' : undefined}>
                  {one.label}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphQL IDE</a>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span className={connected ? 'live-dot on' : 'live-dot'} title={connected ? 'live updates connected' : 'live updates reconnecting'} aria-label={connected ? 'live' : 'offline'} role="img" />
          <span data-role={session.role}>
            {session.name} · {session.role}
          </span>
          <button type="button" onClick={() => void signOut(session).finally(onSignedOut)}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        {view.periodic && <PeriodPicker value={selection} timeZone={session.businessTimeZone} onChange={setSelection} />}
        {view.render(route.query)}
      </main>
    </AppContext.Provider>
  );
}
