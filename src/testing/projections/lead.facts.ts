import { leadStages, type LeadSource, type LeadStage } from '../../aggregates/lead/lead.events';
import { fact, type ScenarioFact } from '../projection-scenario';

/** Lead facts for specs, shaped as the lead decider emits them (every step of a skip recorded). */
const stream = (leadId: string) => `Lead-${leadId}`;

export const captured = (leadId: string, at: string, source: LeadSource = 'website', campaignId: string | null = null): ScenarioFact =>
  fact(stream(leadId), at, {
    type: 'LeadCaptured',
    data: { leadId, name: leadId, email: null, company: null, source, campaignId, stage: 'PROSPECT', capturedAt: at },
  });

/** An earlier capture recorded after the first one (`at` is the earlier capture time). */
export const backdated = (leadId: string, at: string): ScenarioFact => fact(stream(leadId), at, { type: 'LeadCaptureBackdated', data: { leadId, capturedAt: at } });

export function moved(leadId: string, at: string, from: LeadStage, to: LeadStage): ScenarioFact[] {
  const steps: ScenarioFact[] = [];
  for (let index = leadStages.indexOf(from); index < leadStages.indexOf(to); index++) {
    steps.push(fact(stream(leadId), at, { type: 'LeadStageChanged', data: { leadId, from: leadStages[index]!, to: leadStages[index + 1]! } }));
  }
  return steps;
}

export const estimated = (leadId: string, at: string, valueCents: number, currency = 'AUD'): ScenarioFact =>
  fact(stream(leadId), at, { type: 'LeadValueEstimated', data: { leadId, valueCents, currency } });

export interface Win {
  readonly capturedAt: string;
  readonly from: LeadStage;
  readonly valueCents: number;
  readonly currency?: string;
  readonly source?: LeadSource;
  readonly campaignId?: string | null;
  readonly clientId?: string | null;
}

export const won = (leadId: string, at: string, win: Win): ScenarioFact[] => [
  ...moved(leadId, at, win.from, 'NEGOTIATION'),
  fact(stream(leadId), at, {
    type: 'LeadWon',
    data: {
      leadId,
      clientId: win.clientId ?? null,
      valueCents: win.valueCents,
      currency: win.currency ?? 'AUD',
      source: win.source ?? 'website',
      campaignId: win.campaignId ?? null,
      capturedAt: win.capturedAt,
      wonAt: at,
    },
  }),
];

export const lost = (leadId: string, at: string, stage: LeadStage): ScenarioFact =>
  fact(stream(leadId), at, { type: 'LeadLost', data: { leadId, stage, reason: 'budget' } });

export const reopened = (leadId: string, at: string, fromStatus: 'open' | 'lost', fromStage: LeadStage, toStage: LeadStage): ScenarioFact =>
  fact(stream(leadId), at, { type: 'LeadReopened', data: { leadId, fromStatus, fromStage, toStage } });
