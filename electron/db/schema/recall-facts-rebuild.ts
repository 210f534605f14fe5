/**
 * Recomputes the recall facts of migration 0006 from the rows, after a first download that ran
 * without their triggers (deferred-indexes.ts). The triggers are back before the first range
 * (startRecallFactsRebuild runs in the transaction that recreates them), so a local write meanwhile
 * keeps its patient's facts up to date, and each range then sets its patients' facts exactly from
 * every row, whatever the triggers had added before it:
 * - patient facts: set (not merged) for the range's patients;
 * - type and doctor facts: emptied once at the start, then merged per range (a trigger's entry is
 *   never later than the truth, so MAX with the recomputed value is the truth).
 * A range is one short transaction; the progress row (migration 0008) commits with it.
 */
import type { WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Patients per transaction: at ~5-10 appointments each, a few tens of ms on a slow machine. */
export const REBUILD_PATIENTS_PER_RANGE = 2_000;

const EPOCH_MS = (at: string) => `CAST(round((julianday(${at}) - 2440587.5) * 86400000) AS INTEGER)`;
const OPEN = `('scheduled', 'confirmed', 'arrived', 'in_progress')`;

function hasProgressTable(db: WriteDb): boolean {
  return stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recall_facts_rebuild'`).get() !== undefined;
}

/** In the caller's transaction: empties the merged facts, keys the small tables, starts at rowid 0. */
export function startRecallFactsRebuild(db: WriteDb): void {
  db.exec(`
    DELETE FROM recall_type_facts;
    DELETE FROM recall_doctor_facts;
    INSERT INTO recall_keys (id) SELECT id FROM clinics WHERE true ON CONFLICT DO NOTHING;
    INSERT INTO recall_keys (id) SELECT id FROM appointment_types WHERE true ON CONFLICT DO NOTHING;
    INSERT INTO recall_keys (id) SELECT id FROM doctors WHERE true ON CONFLICT DO NOTHING;
    INSERT INTO recall_facts_rebuild (id, next_rowid) VALUES (1, 0)
      ON CONFLICT (id) DO UPDATE SET next_rowid = 0;
  `);
}

/** The next patient rowid still to do, or null when no rebuild is under way. */
export function pendingRecallFactsRebuild(db: WriteDb): number | null {
  if (!hasProgressTable(db)) return null;
  return stmt<{ next_rowid: number }>(db, 'SELECT next_rowid FROM recall_facts_rebuild WHERE id = 1').get()?.next_rowid ?? null;
}

/**
 * Recomputes the facts of the next range of patients (by rowid) in one transaction and moves the
 * progress row on, or removes it after the last range. Answers whether ranges remain.
 */
export function rebuildNextRecallFactsRange(db: WriteDb, patients = REBUILD_PATIENTS_PER_RANGE): boolean {
  return db.transaction(() => {
    const from = pendingRecallFactsRebuild(db);
    if (from === null) return false;
    const last = stmt<{ last: number | null }>(
      db,
      'SELECT max(rowid) AS last FROM (SELECT rowid FROM patients WHERE rowid >= ? ORDER BY rowid LIMIT ?)',
    ).get(from, patients)?.last;
    if (last === null || last === undefined) {
      stmt(db, 'DELETE FROM recall_facts_rebuild').run();
      return false;
    }
    const range = { from, to: last };
    stmt(db, 'INSERT INTO recall_keys (id) SELECT id FROM patients WHERE rowid BETWEEN :from AND :to ON CONFLICT DO NOTHING').run(range);
    stmt(
      db,
      `INSERT INTO recall_patient_facts (patient_key, clinic_key, eligible, birth_date, last_visit_ms, last_open_ms)
       SELECT k.key, c.key, p.deleted_at IS NULL AND p.opt_out = 0 AND p.blocked = 0, p.birth_date,
              (SELECT ${EPOCH_MS('MAX(COALESCE(a.completed_at, a.ends_at))')} FROM appointments a
               WHERE a.patient_id = p.id AND a.status = 'completed' AND a.deleted_at IS NULL),
              (SELECT ${EPOCH_MS('MAX(a.starts_at)')} FROM appointments a
               WHERE a.patient_id = p.id AND a.status IN ${OPEN} AND a.deleted_at IS NULL)
       FROM patients p JOIN recall_keys k ON k.id = p.id JOIN recall_keys c ON c.id = p.clinic_id
       WHERE p.rowid BETWEEN :from AND :to
       ON CONFLICT (patient_key) DO UPDATE SET clinic_key = excluded.clinic_key, eligible = excluded.eligible,
         birth_date = excluded.birth_date, last_visit_ms = excluded.last_visit_ms, last_open_ms = excluded.last_open_ms`,
    ).run(range);
    stmt(
      db,
      `INSERT INTO recall_type_facts (type_key, patient_key, last_visit_ms)
       SELECT t.key, k.key, ${EPOCH_MS('MAX(COALESCE(a.completed_at, a.ends_at))')}
       FROM patients p JOIN appointments a ON a.patient_id = p.id
         JOIN recall_keys k ON k.id = p.id JOIN recall_keys t ON t.id = a.appointment_type_id
       WHERE p.rowid BETWEEN :from AND :to AND a.status = 'completed' AND a.deleted_at IS NULL
       GROUP BY t.key, k.key
       ON CONFLICT (type_key, patient_key) DO UPDATE SET last_visit_ms = max(last_visit_ms, excluded.last_visit_ms)`,
    ).run(range);
    stmt(
      db,
      `INSERT INTO recall_doctor_facts (doctor_key, patient_key)
       SELECT DISTINCT d.key, k.key
       FROM patients p JOIN appointments a ON a.patient_id = p.id
         JOIN recall_keys k ON k.id = p.id JOIN recall_keys d ON d.id = a.doctor_id
       WHERE p.rowid BETWEEN :from AND :to AND a.status = 'completed' AND a.deleted_at IS NULL
       ON CONFLICT DO NOTHING`,
    ).run(range);
    stmt(db, 'UPDATE recall_facts_rebuild SET next_rowid = ? WHERE id = 1').run(last + 1);
    return true;
  }).immediate();
}
