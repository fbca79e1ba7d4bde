import { shortTag } from '../engine/run-ids';
import type { RunContext, StepOutcome } from '../engine/workflow';
import type { ClientFacts } from '../shared/client-facts';
import type { PackageTemplate } from './onboarding.templates';

export const externalSource = 'zixly-ops';
export const projectStep = 'plane.project';
export const deliverableStep = (index: number) => `plane.deliverable-${index + 1}`;

/** Plane identifiers are short and upper case: three letters of the name and four from the key. */
export function projectIdentifier(name: string, key: string): string {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3).padEnd(3, 'X');
  const tag = shortTag(key, 4).replace(/[0-9]/g, (digit) => String.fromCharCode(65 + Number(digit)));
  return `${letters}${tag}`;
}

/** The client's Plane project from the package template, then one work item per deliverable. */
export async function createPlaneProject(context: RunContext, client: ClientFacts, template: PackageTemplate): Promise<void> {
  const project = await context.step(projectStep, 'plane', async (plane, key) => {
    const { project, created } = await plane.ensureProject({
      name: client.name,
      identifier: projectIdentifier(client.name, key),
      description: `${template.packageName} package for ${client.name} (client ${client.clientId})`,
      externalId: key,
      externalSource,
    });
    return { externalId: project.id, result: { identifier: project.identifier, url: plane.projectUrl(project.id), created } };
  });
  if (!project?.externalId) return;
  for (const [index, deliverable] of template.deliverables.entries()) {
    await context.step(deliverableStep(index), 'plane', async (plane, key): Promise<StepOutcome> => {
      const { workItem, created } = await plane.ensureWorkItem(project.externalId!, {
        name: deliverable.name,
        descriptionHtml: `<p>${escapeHtml(deliverable.description)}</p>`,
        priority: deliverable.priority,
        externalId: key,
        externalSource,
      });
      return { externalId: workItem.id, result: { name: deliverable.name, created } };
    });
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
