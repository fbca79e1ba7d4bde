import type { ExportedEvent } from './exported-event.parser';

/**
 * Every imported event is stamped `origin: "import"`, whatever the exporting system said: it is
 * history to this store, and no workflow acts on it (see src/workflows/engine/new-fact.rule.ts).
 */
export function asImported(exported: ExportedEvent): ExportedEvent {
  return { ...exported, event: { ...exported.event, metadata: { ...exported.event.metadata, origin: 'import' } } };
}
