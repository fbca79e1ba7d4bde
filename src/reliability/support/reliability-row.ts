import type { TaskMeta } from 'vitest';

/** One line of the table `npm run test:reliability` ends with. */
export interface ReliabilityRow {
  readonly scenario: string;
  /** HTTP requests (or mutations, tool calls) the scenario sent, retries included. */
  readonly requestsSent: number;
  /** What the product accepted: deliveries acknowledged, mutations or objects done. */
  readonly acknowledged: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Read-model documents (or KPI answers) that differ from what they must equal. */
  readonly diverging: number;
  /** The size the scenario ran at, for the reader of the table. */
  readonly scale: string;
}

declare module 'vitest' {
  interface TaskMeta {
    reliability?: ReliabilityRow[];
  }
}

/** Adds a row to the table from a test (before its assertions, so a failing run still reports it). */
export function reportRow(task: { meta: TaskMeta }, row: ReliabilityRow): void {
  task.meta.reliability = [...(task.meta.reliability ?? []), row];
}
