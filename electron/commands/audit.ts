import type { CommandParsedInput } from '../../shared/commands.ts';
import { dayBounds, instantToLocalDate, instantToLocalMinute } from '../../shared/domain/clinic-time.ts';
import { toCsv } from '../../shared/domain/recall-csv.ts';
import type { AuditRow } from '../../shared/domain/security-types.ts';
import type { AuditFilters } from '../../shared/security-schemas.ts';
import { type AuditListRow, type AuditQuery, auditFacets, listAudit } from '../db/repos/audit-log.ts';
import { getClinic } from '../db/repos/clinics.ts';
import { listClinicStaff } from '../db/repos/staff-list.ts';
import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

/** An export holds at most this many rows (newest first); narrow the filters for older ones. */
export const EXPORT_LIMIT = 50_000;
const CURSOR = /^([0-9T:.+\-Z]{10,40})\|([0-9a-f-]{36})$/;

function timeZone(ctx: CommandContext): string {
  const clinic = getClinic(ctx.db, ctx.clinicId);
  if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
  return clinic.timeZone;
}

/** Dates are whole clinic days: from its first instant to the end of `to`. */
function toQuery(ctx: CommandContext, f: AuditFilters, limit: number, cursor?: string): AuditQuery {
  const tz = timeZone(ctx);
  if (f.from && f.to && f.from > f.to) throw new CommandError('validation_error', 'to: must not be before from', 'filters.to').because('before_from_date');
  let before: AuditQuery['before'];
  if (cursor) {
    const m = CURSOR.exec(cursor);
    if (!m) throw new CommandError('validation_error', 'cursor: not a cursor from audit.list', 'cursor').because('invalid');
    before = { at: m[1]!, id: m[2]! };
  }
  return {
    ...(f.from ? { fromAt: dayBounds(f.from, tz).start } : {}),
    ...(f.to ? { toAt: dayBounds(f.to, tz).end } : {}),
    ...(f.staffId ? { staffId: f.staffId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.table ? { table: f.table } : {}),
    ...(f.rowId ? { rowId: f.rowId } : {}),
    ...(f.deskId ? { deskId: f.deskId } : {}),
    ...(before ? { before } : {}),
    limit,
  };
}

const toRow = (r: AuditListRow): AuditRow => ({
  id: r.id,
  at: r.at,
  actorStaffId: r.actor_staff_id,
  actorName: r.actor_name,
  deskId: r.desk_id,
  action: r.action,
  tableName: r.table_name,
  rowId: r.row_id,
  details: r.details,
});

function localStamp(at: string, tz: string): string {
  const m = instantToLocalMinute(at, tz);
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${instantToLocalDate(at, tz)} ${hh}:${mm}:${at.slice(17, 19)}`;
}

type ListInput = CommandParsedInput<'audit.list'>;

export const auditHandlers: HandlerSlice<'audit.list' | 'audit.exportCsv'> = {
  /** Newest first, keyset-paged; includes the sync engine's own rows (sync.conflict, sync.rejected). */
  'audit.list': ({ filters, cursor, limit }: ListInput, ctx) => {
    const rows = listAudit(ctx.db, ctx.clinicId, toQuery(ctx, filters, limit + 1, cursor));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page.map(toRow),
      nextCursor: rows.length > limit && last ? `${last.at}|${last.id}` : null,
      facets: { staff: listClinicStaff(ctx.db, ctx.clinicId), ...auditFacets(ctx.db, ctx.clinicId) },
    };
  },

  /** The filtered log as CSV (formula-injection safe cells); the export itself is audited. */
  'audit.exportCsv': ({ filters }, ctx) => {
    const tz = timeZone(ctx);
    const rows = listAudit(ctx.db, ctx.clinicId, toQuery(ctx, filters, EXPORT_LIMIT));
    const csv = toCsv(
      ['time_utc', 'time_local', 'staff', 'staff_id', 'desk', 'action', 'table', 'row', 'details'],
      rows.map((r) => [r.at, localStamp(r.at, tz), r.actor_name, r.actor_staff_id, r.desk_id, r.action, r.table_name, r.row_id, r.details]),
    );
    ctx.write('audit.exportCsv', (w) => w.audit({ table: null, rowId: null, details: { filters, rows: rows.length } }));
    const day = instantToLocalDate(ctx.now().toISOString(), tz);
    return { fileName: `audit-log-${day}.csv`, csv, rows: rows.length };
  },
};
