import { type Document, Long } from 'mongodb';
import type { ProjectionCheckpoint, ProjectionFailure } from '../../core/read-store.port';
import { toBigInt } from './mongodb-document-writes';

export const checkpointsCollection = '_checkpoints';

/** A checkpoint as stored in `_checkpoints`, keyed by projection name. */
export function toCheckpointDocument(checkpoint: ProjectionCheckpoint): Document {
  return {
    version: checkpoint.version,
    collection: checkpoint.collection,
    position: checkpoint.position === null ? null : Long.fromBigInt(checkpoint.position),
    failure: checkpoint.failure,
    updatedAt: checkpoint.updatedAt,
    ...(checkpoint.fence !== undefined && { fence: checkpoint.fence }),
  };
}

export function fromCheckpointDocument(stored: Document): ProjectionCheckpoint {
  return {
    projection: String(stored._id),
    version: Number(stored.version),
    collection: String(stored.collection),
    position: stored.position === null || stored.position === undefined ? null : toBigInt(stored.position),
    failure: (stored.failure ?? null) as ProjectionFailure | null,
    updatedAt: String(stored.updatedAt),
    ...(typeof stored.fence === 'number' && { fence: stored.fence }),
  };
}
