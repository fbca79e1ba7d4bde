import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { expensesCollection, expensesProjection, type ExpenseDocument } from './expenses.projection';
import { expensePaid, expenseRecorded } from '../../testing/projections/financial.fixtures';

describe('expenses read model', () => {
  let scenario: ProjectedScenario | null = null;
  const expenseAfter = async (facts: ScenarioFact[], id: string) => {
    scenario = await projectScenario([expensesProjection], facts);
    return (await scenario.reads.getMany<ExpenseDocument>(expensesCollection, [id])).get(id)?.document ?? null;
  };
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('records an expense and the date it was paid', async () => {
    const expense = await expenseAfter([
      ...expenseRecorded('e1', 'tools', '2026-03-05', 9_900, { projectId: 'p1' }),
      expensePaid('e1', 'tools', '2026-04-01', 9_900),
    ], 'e1');
    expect(expense).toMatchObject({ category: 'tools', amountCents: 9_900, incurredOn: '2026-03-05', paidOn: '2026-04-01', projectId: 'p1', clientId: null, _events: 2 });
  });

  it('takes the payment date from ExpensePaid when recorded as already paid', async () => {
    const expense = await expenseAfter(expenseRecorded('e1', 'infrastructure', '2026-03-05', 5_000, { paidOn: '2026-03-06' }), 'e1');
    expect(expense).toMatchObject({ paidOn: '2026-03-06', _events: 2 });
  });
});
