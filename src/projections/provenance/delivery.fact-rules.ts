import { projectStream } from '../../aggregates/project/project.decider';
import { daysBetween } from '../../core/business-time';
import type { TimeEntryDocument } from '../delivery';
import { projectsCompletedIn, projectsOpen } from '../delivery/project-status';
import { completedOnTime } from '../delivery/projects.queries';
import type { ProjectDocument } from '../delivery/projects.projection';
import { datesIn } from '../shared/period-filter';
import { computed, eventsOf, type FactRule, type KpiFact, scanned } from './kpi-fact';

const projectFact = (project: ProjectDocument, date: string, counted: boolean, rule: string, contribution: number): KpiFact => ({
  entity: 'Project',
  id: project.projectId,
  stream: projectStream(project.projectId),
  date,
  counted,
  rule,
  contribution: counted ? contribution : 0,
  events: eventsOf(project),
});

const completed = (combination: 'SUM' | 'MEAN' | 'SHARE', fact: (project: ProjectDocument) => KpiFact): FactRule =>
  computed({ combination, collections: ['projects'], facts: async (context, period) => (await projectsCompletedIn(context.reads, period)).map(fact) });

export const deliveryFacts = {
  BILLABLE_HOURS: scanned<TimeEntryDocument>({
    combination: 'SUM',
    collection: 'time_entries',
    filter: (period) => ({ workDate: datesIn(period) }),
    fact: (entry) => ({
      entity: 'TimeEntry',
      id: entry.entryId,
      stream: projectStream(entry.projectId),
      date: entry.workDate,
      counted: entry.billable,
      rule: entry.billable ? 'billable hours with a work date in the period' : 'excluded: not billable',
      contribution: entry.billable ? entry.hours : 0,
      events: eventsOf(entry),
    }),
  }),
  ACTIVE_PROJECTS: computed({
    combination: 'SUM',
    collections: ['projects'],
    facts: async (context, period) =>
      (await projectsOpen(context.reads, period.toDate, { date: period.toDate, instant: period.toInstant })).map((project) =>
        projectFact(project, project.startedOn, true, 'started before the period ended, neither completed nor cancelled at its end', 1),
      ),
  }),
  PROJECTS_COMPLETED: completed('SUM', (project) => projectFact(project, project.completedOn!, true, 'completed in the period', 1)),
  AVERAGE_PROJECT_DURATION_DAYS: completed('MEAN', (project) => {
    const days = daysBetween(project.startedOn, project.completedOn!);
    return projectFact(project, project.completedOn!, true, `completed in the period after ${days} days (from ${project.startedOn})`, days);
  }),
  ON_TIME_DELIVERY_RATE: completed('SHARE', (project) => {
    const onTime = completedOnTime(project);
    return projectFact(project, project.completedOn!, true, onTime ? `on time: due ${project.dueOn}` : `late: due ${project.dueOn} (in the denominator only)`, onTime ? 1 : 0);
  }),
} as const satisfies Record<string, FactRule>;
