import { describe, expect, it } from 'vitest';
import type { Json } from '../../core/read-store.port';
import type { Delivery } from '../../ingest/delivery';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { Fields } from '../shared/mapping/payload.reader';
import { worklogCommands } from './plane-worklog.mapping';
import { translatePlane } from './plane.translate';

const translate = (delivery: Delivery) => translatePlane(delivery, IdentitySnapshot.of({}));
const workItems = 'work items are not business facts in Zixly; their time comes from the worklog pull';

describe('plane translation of the sample deliveries', () => {
  it('ignores a new project: projects are started in Zixly with their commercial facts', () =>
    expect(translate(fixtureDelivery('plane.project.created'))).toEqual({
      outcome: 'ignored',
      reason:
        'plane project.created: projects are started and completed in Zixly (tier, budget and due date are commercial facts Plane does not hold); hours arrive through the worklog pull as project plane:<project id>',
    }));

  it('ignores work items created or moved to done, in v1 and v2 payloads', () => {
    expect(translate(fixtureDelivery('plane.issue.created'))).toEqual({ outcome: 'ignored', reason: `plane issue.created: ${workItems}` });
    expect(translate(fixtureDelivery('plane.issue.updated.state'))).toEqual({ outcome: 'ignored', reason: `plane issue.updated: ${workItems}` });
    expect(translate(fixtureDelivery('plane.v2.workitem.updated'))).toEqual({ outcome: 'ignored', reason: `plane workitem.updated: ${workItems}` });
  });

  it('ignores comments', () =>
    expect(translate(fixtureDelivery('plane.issue_comment.created'))).toEqual({ outcome: 'ignored', reason: 'plane issue_comment.created: comments are not business facts in Zixly' }));

  it('ignores a completed module: a phase is not the project', () =>
    expect(translate(fixtureDelivery('plane.module.updated.status'))).toEqual({ outcome: 'ignored', reason: 'plane module.updated: a module is a phase of a project, not the project' }));
});

describe('plane translation rules', () => {
  it("accepts the old docs' action spelling and the v2 docs' enum-looking event names", () => {
    const v1 = fixtureDelivery('plane.issue.created');
    const v2 = fixtureDelivery('plane.v2.workitem.updated');
    const update = { ...v1, payload: { ...(v1.payload as Record<string, Json>), action: 'update' } };
    const enumName = { ...v2, payload: { ...(v2.payload as Record<string, Json>), event: 'WebhookScope.ScopeChoices.WORK_ITEM_UPDATED' } };
    expect([translate(update), translate(enumName)]).toEqual([
      { outcome: 'ignored', reason: `plane issue.updated: ${workItems}` },
      { outcome: 'ignored', reason: `plane workitem.updated: ${workItems}` },
    ]);
  });

  it('calls a v1 payload without the id of its object invalid', () => {
    const delivery = fixtureDelivery('plane.issue.created');
    const payload = { ...(delivery.payload as Record<string, Json>), data: {} };
    expect(translate({ ...delivery, payload })).toEqual({ outcome: 'invalid', reason: 'payload.data.id must be a non-empty string, got nothing' });
  });
});

describe('plane worklogs (pulled: Plane has no worklog webhook)', () => {
  const worklog = {
    id: 'b7e42a19-3c5d-4f80-9a26-8d1c0f4e7b53',
    created_at: '2026-05-21T22:30:00.000000Z',
    updated_at: '2026-05-22T01:00:00.000000Z',
    description: 'Wireframes',
    duration: 90,
    logged_by: 'f960d3c2-8524-4a41-b8eb-055ce4be2a7f',
    created_by: '16c61a3a-512a-48ac-b0be-b6b46fe6f430',
    project_id: '22b6fc9c-1849-45da-b103-52a3e3a6b4c1',
  };
  const project = '22b6fc9c-1849-45da-b103-52a3e3a6b4c1';

  it('logs the minutes as hours on the Brisbane date the worklog was written, by who logged it, then corrects it', () => {
    const facts = { projectId: `plane:${project}`, entryId: `plane:${worklog.id}`, workDate: '2026-05-22', hours: 1.5, billable: true, description: 'Wireframes' };
    const source = { tool: 'plane', externalId: `worklog:${worklog.id}` };
    expect(worklogCommands(Fields.of(worklog), project)).toEqual([
      { command: { type: 'LogHours', data: { ...facts, consultantId: `plane:${worklog.logged_by}` }, occurredAt: '2026-05-21T22:30:00.000Z' }, source },
      { command: { type: 'CorrectTimeEntry', data: facts, occurredAt: '2026-05-22T01:00:00.000Z' }, source },
    ]);
  });

  it('skips deleted and empty worklogs', () => {
    expect(worklogCommands(Fields.of({ ...worklog, deleted_at: '2026-05-23T00:00:00Z' }), project)).toBe('plane worklog: deleted');
    expect(worklogCommands(Fields.of({ ...worklog, duration: 0 }), project)).toBe('plane worklog: no time');
  });
});
