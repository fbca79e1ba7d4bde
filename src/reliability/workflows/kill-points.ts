import type { FakeToolServer, ToolRequest } from '../../testing/tools/fake-tool-server';
import type { FakeTools } from '../../testing/workflows/fake-tools';

/** An outbound call after which the app is killed: the tool has acted, the app never records it. */
export interface KillPoint {
  readonly name: string;
  readonly server: (tools: FakeTools) => FakeToolServer;
  readonly matches: (request: ToolRequest) => boolean;
  /** What brings the call about: onboarding a client, or opening a ticket for an onboarded one. */
  readonly trigger: 'onboarding' | 'ticket';
}

const post = (path: string, unless?: string) => (request: ToolRequest) => request.method === 'POST' && request.path.endsWith(path) && !(unless && request.path.includes(unless));

/** Every call the onboarding and triage workflows make that creates or sends something. */
export const killPoints: readonly KillPoint[] = [
  { name: 'Plane project', server: (tools) => tools.plane.server, matches: post('/projects/'), trigger: 'onboarding' },
  { name: 'Plane work item (deliverable)', server: (tools) => tools.plane.server, matches: post('/work-items/'), trigger: 'onboarding' },
  { name: 'Nextcloud folder', server: (tools) => tools.nextcloud.server, matches: (request) => request.method === 'MKCOL', trigger: 'onboarding' },
  { name: 'Mautic contact', server: (tools) => tools.mautic.server, matches: post('/api/contacts/new'), trigger: 'onboarding' },
  { name: 'Mautic welcome e-mail', server: (tools) => tools.mautic.server, matches: post('/send'), trigger: 'onboarding' },
  { name: 'Invoice Ninja client', server: (tools) => tools.invoiceNinja.server, matches: post('/api/v1/clients'), trigger: 'onboarding' },
  { name: 'Invoice Ninja setup invoice', server: (tools) => tools.invoiceNinja.server, matches: post('/api/v1/invoices'), trigger: 'onboarding' },
  { name: 'Invoice Ninja invoice e-mailed', server: (tools) => tools.invoiceNinja.server, matches: post('/api/v1/invoices/bulk'), trigger: 'onboarding' },
  { name: 'Plane work item (ticket)', server: (tools) => tools.plane.server, matches: post('/work-items/'), trigger: 'ticket' },
  { name: 'Slack new-ticket post', server: (tools) => tools.slack.server, matches: (request) => request.method === 'POST', trigger: 'ticket' },
];
