import { todayIn } from '../../shared/domain/clinic-time.ts';
import type { AvailableSlot } from '../../shared/domain/booking-types.ts';
import type { AttentionFix, AttentionItem, TakenBy } from '../../shared/domain/sync-types.ts';
import type { SyncStatus } from '../../shared/domain/types.ts';
import { isSyncedTable, isWriterOwned } from '../../shared/sync-tables.ts';
import { type AttentionRow, getAttention, openAttention, resolveAttention } from '../db/repos/needs-attention.ts';
import { getAppointmentDetailRow } from '../db/repos/appointments.ts';
import { listBusyOverlapping } from '../db/repos/availability.ts';
import { getPatientRow } from '../db/repos/patients.ts';
import { getLocalRow } from '../db/repos/sync-rows.ts';
import { getActiveStaff } from '../db/repos/staff.ts';
import { localSyncStatus } from './app-info.ts';
import { availabilityHandlers, requireClinic } from './availability.ts';
import { bookingHandlers } from './booking.ts';
import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

const SLOT_TAKEN = new Set(['overlap_doctor', 'overlap_room', 'overlap_patient', 'slot_taken']);

function statusOf(ctx: CommandContext): SyncStatus {
  return ctx.sync ? ctx.sync.status() : localSyncStatus(ctx.db);
}

function parse<T>(text: string | null): T | null {
  return text ? (JSON.parse(text) as T) : null;
}

function isRefusedBooking(a: AttentionRow, attemptedRow: Record<string, unknown> | null): boolean {
  return a.table_name === 'appointments' && a.op === 'insert' && SLOT_TAKEN.has(a.reason) && !!attemptedRow?.appointment_type_id;
}

function freeSlots(ctx: CommandContext, row: Record<string, unknown>): AvailableSlot[] {
  try {
    const from = todayIn(requireClinic(ctx.db, ctx.clinicId).timeZone, ctx.now());
    const res = availabilityHandlers['availability.findFree'](
      {
        doctorId: row.doctor_id as string,
        appointmentTypeId: row.appointment_type_id as string,
        fromDate: from,
        limit: 5,
        patientId: row.patient_id as string,
      },
      ctx,
    );
    return 'slots' in res ? res.slots : [];
  } catch {
    return [];
  }
}

/** Which table a reference column points to, and how that row is named for people. */
const REFERENCES: Record<string, { table: string; name(row: Record<string, unknown>): string }> = {
  doctor_id: { table: 'doctors', name: (r) => String(r.display_name) },
  patient_id: { table: 'patients', name: (r) => `${String(r.first_name)} ${String(r.last_name)}` },
  room_id: { table: 'rooms', name: (r) => String(r.name) },
  appointment_type_id: { table: 'appointment_types', name: (r) => String(r.name) },
  staff_id: { table: 'staff', name: (r) => String(r.display_name) },
  created_by: { table: 'staff', name: (r) => String(r.display_name) },
  cancelled_by: { table: 'staff', name: (r) => String(r.display_name) },
};

/** Names for the ids the rows refer to, as this desk knows them (unknown ids are left out). */
function labelsFor(ctx: CommandContext, rows: (Record<string, unknown> | null)[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const row of rows) {
    for (const [column, value] of Object.entries(row ?? {})) {
      const ref = REFERENCES[column];
      if (!ref || typeof value !== 'string' || value in labels) continue;
      const found = getLocalRow(ctx.db, ref.table, value);
      if (found) labels[value] = ref.name(found);
    }
  }
  return labels;
}

/** The active booking that holds the time a refused booking wanted (same doctor, room or patient). */
function takenBy(ctx: CommandContext, a: AttentionRow, row: Record<string, unknown>): TakenBy | null {
  const startsAt = row.starts_at as string | undefined;
  const endsAt = row.ends_at as string | undefined;
  if (!startsAt || !endsAt) return null;
  const key = a.reason === 'overlap_room' ? 'roomId' : a.reason === 'overlap_patient' ? 'patientId' : 'doctorId';
  const column = { doctorId: 'doctor_id', roomId: 'room_id', patientId: 'patient_id' }[key];
  const busy = listBusyOverlapping(ctx.db, ctx.clinicId, startsAt, endsAt).filter((b) => b.appointmentId !== a.row_id);
  const hit = busy.find((b) => b[key] === row[column]) ?? busy.find((b) => b.doctorId === row.doctor_id);
  const other = hit ? getAppointmentDetailRow(ctx.db, ctx.clinicId, hit.appointmentId) : null;
  if (!other) return null;
  const creator = getLocalRow(ctx.db, 'appointments', other.id)?.created_by;
  const staff = typeof creator === 'string' ? getLocalRow(ctx.db, 'staff', creator) : null;
  return {
    appointmentId: other.id,
    patient: `${other.first_name} ${other.last_name}`,
    doctor: other.doctor_name,
    room: other.room_name,
    startsAt: other.starts_at,
    endsAt: other.ends_at,
    bookedBy: staff ? String(staff.display_name) : null,
  };
}

function contactOf(ctx: CommandContext, row: Record<string, unknown>): AttentionItem['contact'] {
  const p = typeof row.patient_id === 'string' ? getPatientRow(ctx.db, ctx.clinicId, row.patient_id) : null;
  return p ? { patient: `${p.first_name} ${p.last_name}`, phone: p.phone } : null;
}

function toItem(ctx: CommandContext, a: AttentionRow): AttentionItem {
  const attemptedRow = parse<Record<string, unknown>>(a.attempted_row);
  const serverRow = parse<Record<string, unknown>>(a.server_row);
  const rebook = isRefusedBooking(a, attemptedRow);
  const fixes: AttentionFix[] = ['dismiss'];
  if (rebook) fixes.push('rebook');
  else if (!(serverRow && serverRow.deleted_at)) fixes.push('retry');
  const by = a.actor_staff_id ? getActiveStaff(ctx.db, ctx.clinicId, a.actor_staff_id) : null;
  const attempted = (JSON.parse(a.attempts) as { op: string; changes: Record<string, unknown> }[]).map((x) => ({ op: x.op, changes: x.changes }));
  return {
    id: a.id,
    table: a.table_name,
    rowId: a.row_id,
    op: a.op as AttentionItem['op'],
    attempted,
    byStaffId: a.actor_staff_id,
    byName: by?.displayName ?? null,
    attemptedAt: a.attempted_at,
    failedAt: a.created_at,
    reason: a.reason,
    message: a.message ?? '',
    serverRow,
    attemptedRow,
    fixes,
    freeSlots: rebook && attemptedRow ? freeSlots(ctx, attemptedRow) : [],
    labels: labelsFor(ctx, [attemptedRow, serverRow, ...attempted.map((x) => x.changes)]),
    takenBy: rebook && attemptedRow ? takenBy(ctx, a, attemptedRow) : null,
    contact: rebook && attemptedRow ? contactOf(ctx, attemptedRow) : null,
  };
}

/** Re-applies the refused change on top of the server's truth as a new local write (new mutation id). */
function retry(ctx: CommandContext, a: AttentionRow): void {
  const table = a.table_name;
  if (!isSyncedTable(table)) throw new CommandError('validation_error', `Unknown table ${table}.`).because('invalid');
  const attempts = JSON.parse(a.attempts) as { op: string; changes: Record<string, unknown> }[];
  const current = getLocalRow(ctx.db, table, a.row_id);
  ctx.write('sync.attention.retry', (w) => {
    w.note({ attentionId: a.id, reason: a.reason });
    if (attempts.some((x) => x.op === 'delete')) {
      if (current && !current.deleted_at) w.softDelete(table, a.row_id);
      return;
    }
    const merged: Record<string, unknown> = {};
    for (const x of attempts) for (const [k, v] of Object.entries(x.changes)) if (!isWriterOwned(k)) merged[k] = v;
    if (!current) w.insert(table, { ...merged, id: a.row_id });
    else if (current.deleted_at) throw new CommandError('conflict', 'The record was deleted on another desk; it cannot be changed.').because('attention_row_deleted');
    else w.update(table, a.row_id, merged);
  });
}

export const syncHandlers: HandlerSlice<'sync.status' | 'sync.now' | 'sync.attention.list' | 'sync.attention.resolve'> = {
  'sync.status': (_input, ctx) => statusOf(ctx),
  'sync.now': async (_input, ctx) => (ctx.sync ? ctx.sync.syncNow() : localSyncStatus(ctx.db)),
  'sync.attention.list': (_input, ctx) => openAttention(ctx.db).map((a) => toItem(ctx, a)),
  'sync.attention.resolve': (input, ctx) => {
    const a = getAttention(ctx.db, input.id);
    if (!a || a.resolved_at) throw new CommandError('not_found', 'This item was already resolved.', 'id').because('attention_resolved');
    const at = ctx.now().toISOString();
    let appointmentId: string | undefined;
    if (input.action === 'retry') retry(ctx, a);
    if (input.action === 'rebook') {
      const row = parse<Record<string, unknown>>(a.attempted_row);
      if (!row || !isRefusedBooking(a, row)) throw new CommandError('validation_error', 'Only a refused booking can be re-booked.', 'action').because('attention_not_rebookable');
      const booked = bookingHandlers['appointments.book'](
        {
          patientId: row.patient_id as string,
          doctorId: input.slot!.doctorId ?? (row.doctor_id as string),
          appointmentTypeId: row.appointment_type_id as string,
          startsAt: input.slot!.startsAt,
          roomId: input.slot!.roomId,
          notes: (row.notes as string | null) ?? undefined,
        },
        ctx,
      );
      appointmentId = (booked as { id: string }).id;
    }
    ctx.db.transaction(() => resolveAttention(ctx.db, a.id, at, appointmentId ? `rebook:${appointmentId}` : input.action))();
    ctx.sync?.localWrite();
    ctx.emit('sync.status', statusOf(ctx));
    return appointmentId ? { resolved: true, appointmentId } : { resolved: true };
  },
};
