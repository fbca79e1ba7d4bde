import type { BusinessCommand } from '../aggregates';
import type { CommandBus } from '../aggregates/command-bus';

/**
 * Onboards the clients a spec's fixtures name (invoices, payments and tickets need a client that
 * exists), on a date before any fixture's facts.
 */
export async function onboardTestClients(commands: CommandBus<BusinessCommand>, clientIds: readonly string[], currency = 'AUD'): Promise<void> {
  for (const clientId of clientIds) {
    const command: BusinessCommand = { type: 'OnboardClient', occurredAt: '2025-01-01T00:00:00.000Z', data: { clientId, name: clientId, tier: 'STARTER', industry: 'test', currency } };
    await commands.execute(command, { actor: 'spec' });
  }
}
