import type { CommandRoutes } from '../command-route';
import type { ExpenseCommand } from './expense.commands';
import { expenseDecider, expenseStream } from './expense.decider';

export const expenseRoutes: CommandRoutes<ExpenseCommand> = {
  RecordExpense: { decider: expenseDecider, streamOf: (command) => expenseStream(command.data.expenseId) },
  MarkExpensePaid: { decider: expenseDecider, streamOf: (command) => expenseStream(command.data.expenseId) },
};
