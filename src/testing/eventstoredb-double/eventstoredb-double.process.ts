/**
 * The EventStoreDB protocol double as a process of its own, so several app processes can share
 * one event log the way a fleet shares EventStoreDB:
 *
 *   node --require ./src/testing/fixtures/swc-register.cjs src/testing/eventstoredb-double/eventstoredb-double.process.ts [port]
 *
 * prints one JSON line `{"connectionString":"esdb://127.0.0.1:<port>?tls=false"}` once it listens
 * (loopback only; port 0 or none: any free port) and stops on SIGTERM or SIGINT. Everything it
 * holds is in memory: it is a test double, not a store (see in-memory-eventstoredb-server.ts).
 */
import { startInMemoryEventStoreDb } from './in-memory-eventstoredb-server';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`port must be a whole number from 0 to 65535, got "${process.argv[2]}"`);
  const server = await startInMemoryEventStoreDb({ port });
  process.stdout.write(`${JSON.stringify({ connectionString: server.connectionString })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
