import type { Delivery, IdentityLookup, Translation } from '../../ingest/delivery';
import { Fields } from '../shared/mapping/payload.reader';
import { ignored, translateWith } from '../shared/mapping/translation.results';

const actions: Readonly<Record<string, string>> = { create: 'created', update: 'updated', delete: 'deleted' };

/** v2 docs sometimes show the enum name (`WebhookScope.ScopeChoices.WORK_ITEM_UPDATED`) as the event. */
function v2Event(event: string): string {
  if (!event.includes('ScopeChoices.')) return event;
  return event
    .split('ScopeChoices.')[1]!
    .toLowerCase()
    .replace(/^work_item_/, 'workitem.')
    .replace(/_(created|updated|deleted|archived)$/, '.$1');
}

/** `project.created`, `issue.updated`, `workitem.updated`… for both payload versions. */
export function planeEvent(body: Fields): string {
  if (body.optionalString('version') === 'v2') {
    body.string('entity_id');
    return v2Event(body.string('event'));
  }
  body.object('data').string('id');
  const action = body.string('action');
  return `${body.string('event')}.${actions[action] ?? action}`;
}

const reasons: ReadonlyArray<readonly [RegExp, string]> = [
  [/^project\./, 'projects are started and completed in Zixly (tier, budget and due date are commercial facts Plane does not hold); hours arrive through the worklog pull as project plane:<project id>'],
  [/^(issue|workitem)\.(created|updated|deleted|archived)$/, 'work items are not business facts in Zixly; their time comes from the worklog pull'],
  [/comment/, 'comments are not business facts in Zixly'],
  [/^module\./, 'a module is a phase of a project, not the project'],
  [/^cycle\./, 'cycles are sprints, not business facts in Zixly'],
  [/^(cycle|module)_issue\./, 'which sprint or phase a work item sits in is not a business fact in Zixly'],
  [/^intake_issue\./, 'intake requests are triaged in Plane; a client request becomes a Zixly fact once it is a project or a ticket'],
];

/**
 * Plane maps to nothing through webhooks, by decision: the domain records projects (started in
 * Zixly with commercial facts) and hours, and Plane has no webhook for worklogs — the Plane sync
 * job pulls them (see plane-worklog.mapping). Well-formed deliveries are acknowledged as ignored.
 */
export function translatePlane(delivery: Delivery, _identities: IdentityLookup): Translation {
  return translateWith(() => {
    const event = planeEvent(Fields.of(delivery.payload));
    const reason = reasons.find(([pattern]) => pattern.test(event))?.[1] ?? 'not used';
    return ignored(`plane ${event}: ${reason}`);
  });
}
