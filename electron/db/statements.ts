import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadDb } from './database.ts';

const cache = new WeakMap<object, Map<string, Database.Statement>>();

/** Prepared statements are compiled once per connection and reused (hot paths run them often). */
export function stmt<R = unknown>(db: ReadDb, sql: string): Database.Statement<unknown[], R> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(sql);
  if (!s) perDb.set(sql, (s = db.prepare(sql)));
  return s as Database.Statement<unknown[], R>;
}
