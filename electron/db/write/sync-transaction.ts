import type { WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/**
 * Runs `fn` in one immediate transaction with foreign keys off, for the sync engine's writes
 * (pull and push alike): rows of one page may arrive child-before-parent (pull order is commit
 * order, not table order); the server already enforces every reference, so the local copy is
 * consistent once the pull completes.
 */
export function inSyncTransaction<T>(db: WriteDb, fn: () => T, o: { relaxed?: boolean } = {}): T {
  db.pragma('foreign_keys = OFF');
  // Pulled pages commit without their own fsync (WAL, synchronous=NORMAL): a power cut can only
  // roll back whole pages together with their cursor, which are then pulled again. The next
  // local write (synchronous=FULL) makes them durable too. ~10x cheaper commits.
  if (o.relaxed) stmt(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return db.transaction(fn).immediate();
  } finally {
    if (o.relaxed) stmt(db, 'PRAGMA synchronous = FULL').run();
    db.pragma('foreign_keys = ON');
  }
}
