import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Local-only facts about this install; never synced. */
export type LocalSettingKey =
  | 'desk_id'
  | 'current_clinic_id'
  | 'current_staff_id'
  | 'language'
  | 'recovery_notice'
  | 'recovery_dismissed';

export function getSetting(db: ReadDb, key: LocalSettingKey): string | null {
  const row = stmt<{ value: string }>(db, 'SELECT value FROM local_settings WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function setSetting(db: WriteDb, key: LocalSettingKey, value: string): void {
  stmt(
    db,
    'INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
