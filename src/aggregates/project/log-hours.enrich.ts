import type { CommandLookups, StateReader } from '../command-route';
import { consultantDecider, consultantStream, type ConsultantState } from '../consultant/consultant.decider';
import type { ConsultantFact, LogHours } from './project.commands';

/**
 * Reads the consultant's current state into the command, so the project decider stays pure. The
 * fact is as of the read; a deactivation a moment later does not undo the entry.
 */
export async function enrichLogHours(command: LogHours, read: StateReader, lookups?: CommandLookups): Promise<LogHours> {
  const { consultantId, workDate, projectId } = command.data;
  const state = await read(consultantDecider, consultantStream(consultantId));
  const elsewhere = lookups ? { hoursOnOtherProjects: await lookups.hoursOnOtherProjects(consultantId, workDate, projectId) } : {};
  return { ...command, data: { ...command.data, consultant: consultantFact(state), ...elsewhere } };
}

function consultantFact(state: ConsultantState): ConsultantFact | null {
  if (state.status === 'none') return null;
  const { consultantId, costRateCents, billRateCents, currency } = state;
  return { consultantId, active: state.status === 'active', costRateCents, billRateCents, currency };
}
