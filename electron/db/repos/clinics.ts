import { DEFAULT_STATUS_LEAD_MINUTES } from '../../../shared/domain/appointment-status.ts';
import type { ClinicSummary } from '../../../shared/domain/types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  slot_minutes: number;
  currency: string;
}

const COLUMNS = 'id, name, time_zone, slot_minutes, currency';

function toSummary(row: ClinicRow): ClinicSummary {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    slotMinutes: row.slot_minutes,
    currency: row.currency,
  };
}

export function getClinic(db: ReadDb, id: string): ClinicSummary | null {
  const row = stmt<ClinicRow>(db, `SELECT ${COLUMNS} FROM clinics WHERE id = ? AND deleted_at IS NULL`).get(id);
  return row ? toSummary(row) : null;
}

export function firstClinic(db: ReadDb): ClinicSummary | null {
  const row = stmt<ClinicRow>(
    db,
    `SELECT ${COLUMNS} FROM clinics WHERE deleted_at IS NULL ORDER BY id LIMIT 1`,
  ).get();
  return row ? toSummary(row) : null;
}

/** The clinic's lead time for on-the-day statuses (clinics.status_lead_minutes, default 60). */
export function getStatusLeadMinutes(db: ReadDb, id: string): number {
  const lead = stmt<{ status_lead_minutes: number }>(db, 'SELECT status_lead_minutes FROM clinics WHERE id = ?').get(id);
  return lead?.status_lead_minutes ?? DEFAULT_STATUS_LEAD_MINUTES;
}
