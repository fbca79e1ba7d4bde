import type { SeededRandom } from '../../demo/seeded-random';
import { isoSeconds, samplePayload } from './fixture-payloads';
import type { WorkloadUnit } from './workload.types';

/**
 * Deliveries the product acknowledges and counts but turns into no fact: a file created in
 * Nextcloud, a work item created in Plane (Plane matters only for pulled worklogs).
 */
export function ignoredNoiseUnit(index: number, random: SeededRandom, start: number): WorkloadUnit {
  const at = start + index * 89;
  if (random.next() < 0.5) {
    const body = samplePayload('nextcloud.NodeCreatedEvent');
    body.event.node = { id: 60_000 + index, path: `/jane/files/Clients/Report-${index}.pdf` };
    body.time = at;
    return { deliveries: [{ label: `nextcloud:${60_000 + index}:created`, tool: 'nextcloud', body: JSON.stringify(body) }], facts: [] };
  }
  const body = samplePayload('plane.issue.created');
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  body.data = { ...body.data, id, name: `Work item ${index}`, created_at: isoSeconds(at), updated_at: isoSeconds(at) };
  return { deliveries: [{ label: `plane:${id}:created`, tool: 'plane', body: JSON.stringify(body) }], facts: [] };
}
