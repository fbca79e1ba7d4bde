import type { ClientTier } from '../../aggregates/client/client.events';

export interface Deliverable {
  readonly name: string;
  readonly description: string;
  readonly priority: 'urgent' | 'high' | 'medium' | 'low' | 'none';
}

/** What a package delivers (one Plane work item each) and what its setup costs. */
export interface PackageTemplate {
  readonly packageName: string;
  readonly setupFeeCents: number;
  readonly paymentTermsDays: number;
  readonly deliverables: readonly Deliverable[];
}

const kickOff: Deliverable = { name: 'Kick-off call and access to tools', description: 'Meet the team, collect logins and agree on priorities.', priority: 'high' };
const audit: Deliverable = { name: 'Audit of current tools and manual work', description: 'List the apps, data flows and the admin done by hand each week.', priority: 'high' };
const healthReport: Deliverable = { name: 'Monthly automation health report', description: 'Runs, failures and hours of manual work saved, every month.', priority: 'low' };

/** PROFESSIONAL is sold as "Complete". */
export const onboardingTemplates: Readonly<Record<ClientTier, PackageTemplate>> = {
  STARTER: {
    packageName: 'Starter',
    setupFeeCents: 150_000,
    paymentTermsDays: 14,
    deliverables: [
      kickOff,
      audit,
      { name: 'Two core automations', description: 'Build and hand over the two automations that save the most time.', priority: 'medium' },
      healthReport,
    ],
  },
  PROFESSIONAL: {
    packageName: 'Complete',
    setupFeeCents: 450_000,
    paymentTermsDays: 14,
    deliverables: [
      kickOff,
      audit,
      { name: 'Process map and automation roadmap', description: 'Map the key processes and agree the order of work.', priority: 'high' },
      { name: 'Integrations between up to five tools', description: 'Connect CRM, projects, files, billing and chat.', priority: 'medium' },
      { name: 'Operations dashboard', description: 'KPIs the team looks at weekly.', priority: 'medium' },
      { name: 'Team training session', description: 'Show the team how the automations work and what to do when one fails.', priority: 'medium' },
      healthReport,
    ],
  },
  ENTERPRISE: {
    packageName: 'Enterprise',
    setupFeeCents: 1_200_000,
    paymentTermsDays: 30,
    deliverables: [
      kickOff,
      audit,
      { name: 'Security and access review', description: 'SSO, least-privilege API keys and data retention.', priority: 'urgent' },
      { name: 'Process map and automation roadmap', description: 'Map the key processes and agree the order of work.', priority: 'high' },
      { name: 'Integrations across departments', description: 'Connect the tools of every team in scope.', priority: 'medium' },
      { name: 'Custom reporting and dashboards', description: 'Reports per department and for the leadership team.', priority: 'medium' },
      { name: 'Dedicated support channel and 1-hour SLA', description: 'Set up the shared channel and escalation path.', priority: 'high' },
      { name: 'Quarterly roadmap review', description: 'Review results and plan the next quarter.', priority: 'low' },
    ],
  },
};
