import type { StaffSummary } from '../../../shared/domain/types.ts';
import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/**
 * Desk-local security settings in local_settings (never synced): the idle-lock time and one PIN
 * record per staff member (a scrypt verifier plus failure counters, as JSON). The database itself
 * is encrypted at rest, and a verifier does not reveal the PIN.
 */
const IDLE_KEY = 'idle_lock_seconds';
const PIN_PREFIX = 'staff_pin:';

export interface PinRecord {
  verifier: { salt: string; hash: string; params: { N: number; r: number; p: number; keyLength: number } };
  failures: number;
  lockouts: number;
  lockedUntil: number | null;
}

function get(db: ReadDb, key: string): string | null {
  return stmt<{ value: string }>(db, 'SELECT value FROM local_settings WHERE key = ?').get(key)?.value ?? null;
}

function put(db: WriteDb, key: string, value: string): void {
  stmt(db, 'INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getIdleSeconds(db: ReadDb): number | null {
  const v = Number(get(db, IDLE_KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function setIdleSeconds(db: WriteDb, seconds: number): void {
  put(db, IDLE_KEY, String(seconds));
}

export function getPin(db: ReadDb, staffId: string): PinRecord | null {
  const raw = get(db, PIN_PREFIX + staffId);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PinRecord;
  } catch {
    return null;
  }
}

export function putPin(db: WriteDb, staffId: string, record: PinRecord): void {
  put(db, PIN_PREFIX + staffId, JSON.stringify(record));
}

/** Active staff of the clinic who have a PIN on this desk, by name. */
export function staffWithPins(db: ReadDb, clinicId: string): StaffSummary[] {
  return stmt<{ id: string; display_name: string; role: StaffSummary['role'] }>(
    db,
    `SELECT s.id, s.display_name, s.role FROM staff s
     JOIN local_settings l ON l.key = 'staff_pin:' || s.id
     WHERE s.clinic_id = ? AND s.active = 1 AND s.deleted_at IS NULL
     ORDER BY s.display_name, s.id`,
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}
