import type { ToolName } from '../../tools/shared/tool-http';
import { ToolError } from '../../tools/shared/tool-http';
import { withRetries, type RetryPolicy } from '../../tools/shared/tool-retry';
import type { ToolClient } from '../../tools/tool-clients';
import { notConfiguredReason } from '../../tools/tools.config';
import { stepKey } from './run-ids';
import type { StepLedger } from './step-ledger';
import type { RunContext, StepOptions, StepOutcome, WorkflowDeps } from './workflow';

/** A step failed for good: the run fails with this message (the tool's own words included). */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly toolError: ToolError,
  ) {
    super(`Step ${step} failed: ${toolError.message}`, { cause: toolError });
    this.name = 'StepFailure';
  }
}

/** This process lost the workflows' lease: the attempt stops unrecorded, and the holder runs it. */
export class LeaseLostError extends Error {
  constructor(readonly step: string) {
    super(`Step ${step} not called: this process no longer holds the workflows' lease`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The run cannot go on yet: what it needs is still being made by another run of this engine (a
 * ticket's work item needs the Plane project its client's onboarding run is creating). Nothing of
 * the attempt is recorded; its reactor hands the same event over again shortly (`ReactorRetry.isNotYet`).
 */
export class NotReadyYet extends Error {
  constructor(readonly waitingFor: string) {
    super(`Waiting for ${waitingFor}`);
    this.name = 'NotReadyYet';
  }
}

/** What an at-most-once step records when an earlier call may or may not have acted. */
const unconfirmed: StepOutcome = { externalId: null, result: { delivery: 'unconfirmed' } };

/** The `RunContext` of one attempt of one run. */
export class StepRunner implements RunContext {
  readonly skipped: Array<{ step: string; reason: string }> = [];

  constructor(
    readonly runId: string,
    readonly workflow: string,
    readonly triggerKey: string,
    readonly deps: WorkflowDeps,
    private readonly ledger: StepLedger,
    private readonly retry: RetryPolicy,
  ) {}

  async step<K extends ToolName>(name: string, tool: K, action: (client: ToolClient<K>, key: string) => Promise<StepOutcome>, options: StepOptions = {}): Promise<StepOutcome | null> {
    const recorded = this.ledger.step(name);
    if (recorded?.status === 'completed') return { externalId: recorded.externalId, result: recorded.result };
    const client = this.deps.clients[tool] as ToolClient<K> | null;
    if (!client) {
      await this.skip(name, notConfiguredReason(tool, this.deps.config.tools));
      return null;
    }
    const key = stepKey(this.triggerKey, name);
    if (this.deps.mayAct && !this.deps.mayAct()) throw new LeaseLostError(name);
    if (options.atMostOnce) {
      const outcomeUnknown = recorded?.status === 'attempted' || (recorded?.status === 'failed' && recorded.ambiguous);
      if (outcomeUnknown) return this.completed(name, unconfirmed);
      await this.ledger.markAttempted(name, key);
    }
    return this.completed(name, await this.call(name, () => action(client, key), options.atMostOnce ?? false));
  }

  async skip(name: string, reason: string): Promise<void> {
    await this.ledger.skip(name, reason);
    this.skipped.push({ step: name, reason });
  }

  private async call(name: string, action: () => Promise<StepOutcome>, atMostOnce: boolean): Promise<StepOutcome> {
    try {
      return await withRetries(this.retry, action, atMostOnce);
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      await this.ledger.fail(name, error.message, error.ambiguous);
      throw new StepFailure(name, error);
    }
  }

  private async completed(name: string, outcome: StepOutcome): Promise<StepOutcome> {
    await this.ledger.complete(name, outcome);
    return outcome;
  }
}
