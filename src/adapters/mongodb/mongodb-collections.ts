import { type Db, MongoServerError } from 'mongodb';
import { NotFoundError } from '../../core/errors';
import type { IndexSpec } from '../../core/read-store.port';
import { checkCollection, checkIndexSpec } from '../shared/read-store-names';
import { checkpointsCollection } from './mongodb-checkpoints';
import { translateRenameError } from './mongodb-errors';

const indexOptionsConflict = 85;
const indexKeySpecsConflict = 86;
const notImplemented = 238;

/** Collections of the read models and their indexes (named as the specs, per collection). */
export class MongoCollections {
  constructor(private readonly db: Db) {}

  async list(): Promise<string[]> {
    const infos = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return infos
      .map((info) => info.name)
      .filter((name) => name !== checkpointsCollection && !name.startsWith('system.'))
      .sort();
  }

  /** The driver already treats a missing collection as dropped. */
  async drop(collection: string): Promise<void> {
    await this.db.collection(checkCollection(collection)).drop();
  }

  /** One server command: `to` is dropped and `from` takes its name, indexes included. */
  async rename(from: string, to: string): Promise<void> {
    checkCollection(from);
    checkCollection(to);
    if (from === to) {
      if (await this.exists(from)) return;
      throw new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from });
    }
    try {
      await this.db.renameCollection(from, to, { dropTarget: true });
    } catch (error) {
      if (!isServerError(error, notImplemented)) throw translateRenameError(error, from);
      await this.dropThenRename(from, to);
    }
  }

  /**
   * FerretDB 1.24 has no `dropTarget`: check `from`, drop `to`, rename. Readers of `to` may find it
   * empty between the two commands, which MongoDB's one command never shows.
   */
  private async dropThenRename(from: string, to: string): Promise<void> {
    if (!(await this.exists(from))) throw new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from });
    await this.db.collection(to).drop();
    try {
      await this.db.renameCollection(from, to);
    } catch (error) {
      throw translateRenameError(error, from);
    }
  }

  /** Creates missing indexes; one of the same name with other fields is replaced. */
  async ensureIndexes(collection: string, specs: readonly IndexSpec[]): Promise<void> {
    specs.forEach(checkIndexSpec);
    const target = this.db.collection(checkCollection(collection));
    for (const spec of specs) {
      const keys = Object.fromEntries(spec.fields.map((field) => [field, 1 as const]));
      try {
        await target.createIndex(keys, { name: spec.name });
      } catch (error) {
        // 85: the same fields are already indexed under another name, which serves as well.
        if (isServerError(error, indexOptionsConflict)) continue;
        if (!isServerError(error, indexKeySpecsConflict)) throw error;
        await target.dropIndex(spec.name);
        await target.createIndex(keys, { name: spec.name });
      }
    }
  }

  private async exists(collection: string): Promise<boolean> {
    return this.db.listCollections({ name: collection }, { nameOnly: true }).hasNext();
  }
}

function isServerError(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}
