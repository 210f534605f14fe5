/**
 * Every table that syncs with the server, parents before children (the order inserts must be
 * applied in). The sync engine, the server migrations and the cross-tenant tests all read this
 * one list, so a new table is covered everywhere by adding it here.
 */
export interface SyncedTable {
  name: string;
  /** Rows are never updated or deleted once written (corrections are new rows). */
  appendOnly?: boolean;
}

export const SYNCED_TABLES = [
  { name: 'clinics' },
  { name: 'staff' },
  { name: 'rooms' },
  { name: 'doctors' },
  { name: 'doctor_working_hours' },
  { name: 'doctor_breaks' },
  { name: 'doctor_vacations' },
  { name: 'clinic_blocked_periods' },
  { name: 'appointment_types' },
  { name: 'doctor_appointment_types' },
  { name: 'patients' },
  { name: 'appointments' },
  { name: 'treatment_plans' },
  { name: 'treatment_steps' },
  { name: 'payment_plans' },
  { name: 'installments' },
  { name: 'payments', appendOnly: true },
  { name: 'payment_allocations' },
  { name: 'recall_types' },
  { name: 'recall_campaigns' },
  { name: 'recall_contacts' },
  { name: 'recall_attempts' },
  { name: 'audit_log', appendOnly: true },
] as const satisfies readonly SyncedTable[];

export type SyncedTableName = (typeof SYNCED_TABLES)[number]['name'];

const NAMES = new Set<string>(SYNCED_TABLES.map((t) => t.name));
export function isSyncedTable(name: string): name is SyncedTableName {
  return NAMES.has(name);
}

/**
 * Columns the writer and the server own: a command never sets them (the mutation writer refuses
 * it), and a pending local change never carries them over a server row (rebase, retry).
 */
export const WRITER_OWNED_COLUMNS = ['id', 'clinic_id', 'version', 'updated_at', 'deleted_at'] as const;

const OWNED = new Set<string>(WRITER_OWNED_COLUMNS);
export function isWriterOwned(column: string): boolean {
  return OWNED.has(column);
}
