import { MongoError, MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { isAppError, NotFoundError, UpstreamError } from '../../core/errors';

const namespaceNotFound = 26;

/**
 * Driver errors become the application's: an unreachable server is `read_store.unavailable`, any
 * other driver or server failure `read_store.mongodb_failed`, both with the driver error as cause.
 */
export function translateMongoError(error: unknown): unknown {
  if (isAppError(error) || !(error instanceof MongoError)) return error;
  const unreachable =
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError;
  if (unreachable) return new UpstreamError('read_store.unavailable', `MongoDB is unreachable: ${error.message}`, {}, { cause: error });
  return new UpstreamError('read_store.mongodb_failed', `MongoDB read store failed: ${error.message}`, { mongoCode: error.code }, { cause: error });
}

/** `renameCollection` of a collection that does not exist. */
export function translateRenameError(error: unknown, from: string): unknown {
  if (error instanceof MongoError && Number(error.code) === namespaceNotFound) {
    return new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from }, { cause: error });
  }
  return translateMongoError(error);
}
