import type { CommandParsedInput } from '../../shared/commands.ts';
import type { DuplicateCandidate, DuplicateReason, PatientDetail, PatientSummary } from '../../shared/domain/booking-types.ts';
import { MANAGERS } from '../../shared/command-roles.ts';
import { todayIn } from '../../shared/domain/clinic-time.ts';
import { buildPatientQuery, foldText, matchesShortTokens, phoneDigits } from '../../shared/domain/patient-search.ts';
import type { ReadDb } from '../db/database.ts';
import { getClinic } from '../db/repos/clinics.ts';
import {
  getPatientRow,
  listPatientAppointments,
  listPatientsBornOn,
  searchPatientRows,
  toPatientDetail,
} from '../db/repos/patients.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

const DEFAULT_LIMIT = 20;
const PAST_LIMIT = 100;

export function loadPatient(db: ReadDb, clinicId: string, id: string, field = 'id'): PatientDetail {
  const row = getPatientRow(db, clinicId, id);
  if (!row) throw notFound('The patient', field);
  return toPatientDetail(row);
}

const summary = ({ blockedReason: _b, notes: _n, updatedAt: _u, ...rest }: PatientDetail): PatientSummary => rest;

/** Existing patients with the same phone digits, national id, or folded name and birth date. */
function findDuplicates(
  ctx: CommandContext,
  p: { firstName: string; lastName: string; birthDate?: string | null; phone?: string | null; nationalId?: string | null },
  excludeId?: string,
): DuplicateCandidate[] {
  const found = new Map<string, DuplicateCandidate>();
  const add = (row: ReturnType<typeof toPatientDetail>, reason: DuplicateReason) => {
    if (row.id === excludeId) return;
    const c = found.get(row.id) ?? {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      phone: row.phone,
      reasons: [],
    };
    if (!c.reasons.includes(reason)) c.reasons.push(reason);
    found.set(row.id, c);
  };
  if (p.phone) {
    // The national number (last 9 digits) decides, so '+34 600…' and '600…' are the same phone.
    const key = phoneDigits(p.phone).slice(-9);
    for (const r of searchPatientRows(ctx.db, ctx.clinicId, `{phone} : "${key}"`, 50)) {
      if (phoneDigits(r.phone ?? '').slice(-9) === key) add(toPatientDetail(r), 'phone');
    }
  }
  if (p.nationalId) {
    for (const r of searchPatientRows(ctx.db, ctx.clinicId, `{national_id} : "${p.nationalId}"`, 20)) {
      if (r.national_id && r.national_id.replace(/[\s-]+/g, '').toUpperCase() === p.nationalId) add(toPatientDetail(r), 'national_id');
    }
  }
  if (p.birthDate) {
    const name = foldText(`${p.firstName} ${p.lastName}`).replace(/\s+/g, ' ');
    for (const r of listPatientsBornOn(ctx.db, ctx.clinicId, p.birthDate)) {
      if (foldText(`${r.first_name} ${r.last_name}`).replace(/\s+/g, ' ') === name) add(toPatientDetail(r), 'name_birth_date');
    }
  }
  return [...found.values()];
}

function checkBirthDate(ctx: CommandContext, birthDate: string | null | undefined): void {
  if (!birthDate) return;
  const clinic = getClinic(ctx.db, ctx.clinicId);
  const today = todayIn(clinic?.timeZone ?? 'UTC', ctx.now());
  if (birthDate > today) throw new CommandError('validation_error', 'birthDate: cannot be in the future', 'birthDate').because('birth_in_future');
}

/** The preferred channel must be reachable with the contact details the patient has. */
function checkChannel(p: { preferredChannel: string; phone: string | null; email: string | null }): void {
  if (p.preferredChannel === 'email' ? !p.email : !p.phone) {
    const needs = p.preferredChannel === 'email' ? 'an email address' : 'a phone number';
    throw new CommandError('validation_error', `preferredChannel: ${p.preferredChannel} needs ${needs}`, 'preferredChannel').because('channel_needs_contact', { channel: p.preferredChannel, needs });
  }
}

/**
 * The blocked flag and its reason as the update leaves them, or null when the input does not touch
 * them. Only managers and admins change them; flagging needs a reason, a reason needs the flag.
 */
function blockedChange(
  ctx: CommandContext,
  current: PatientDetail,
  input: { blocked?: boolean; blockedReason?: string | null },
): { blocked: boolean; reason: string | null; columns: Record<string, unknown> } | null {
  if (input.blocked === undefined && input.blockedReason === undefined) return null;
  if (!ctx.staff || !MANAGERS.includes(ctx.staff.role)) {
    throw new CommandError('forbidden', 'Only a manager or an admin can flag a patient or clear the flag.', 'blocked', {
      reason: 'blocked_flag_managers_only',
      allowedRoles: [...MANAGERS],
    }).because('role_refused');
  }
  const blocked = input.blocked ?? current.blocked;
  const reason = !blocked ? null : input.blockedReason !== undefined ? input.blockedReason : current.blockedReason;
  if (blocked && !reason) {
    throw new CommandError('validation_error', 'blockedReason: a reason is required to flag a patient', 'blockedReason', {
      reason: 'required',
    }).because('required');
  }
  if (!blocked && input.blockedReason) {
    throw new CommandError('validation_error', 'blockedReason: only a flagged patient has a reason', 'blockedReason', {
      reason: 'not_blocked',
    }).because('flag_reason_without_flag');
  }
  const columns: Record<string, unknown> = {};
  if (blocked !== current.blocked) columns.blocked = blocked;
  if (reason !== current.blockedReason) columns.blocked_reason = reason;
  return { blocked, reason, columns };
}

type CreateInput = CommandParsedInput<'patients.create'>;
type UpdateInput = CommandParsedInput<'patients.update'>;

const COLUMN: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  phone: 'phone',
  email: 'email',
  nationalId: 'national_id',
  preferredChannel: 'preferred_channel',
  optOut: 'opt_out',
  notes: 'notes',
};

function toColumns(input: Partial<CreateInput> | Partial<UpdateInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMN)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

export const patientHandlers: HandlerSlice<
  'patients.search' | 'patients.get' | 'patients.create' | 'patients.update' | 'patients.appointments'
> = {
  /** Name, phone or national id; accent- and case-insensitive substrings through the trigram index. */
  'patients.search': ({ query, limit = DEFAULT_LIMIT }, ctx) => {
    const q = buildPatientQuery(query);
    if (q.kind === 'empty') return { patients: [], hasMore: false, hint: null };
    if (q.kind === 'too_short') return { patients: [], hasMore: false, hint: 'too_short' };
    // Short words filter afterwards, so read more rows than asked for when there are any.
    const want = limit + 1;
    const rows = searchPatientRows(ctx.db, ctx.clinicId, q.match, q.shortTokens.length > 0 ? want * 20 : want).filter((r) =>
      matchesShortTokens(q.shortTokens, `${r.first_name} ${r.last_name}`, r.national_id),
    );
    const patients = rows
      .slice(0, limit)
      .map((r) => summary(toPatientDetail(r)))
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
    return { patients, hasMore: rows.length > limit, hint: null };
  },

  'patients.get': ({ id }, ctx) => loadPatient(ctx.db, ctx.clinicId, id),

  /**
   * Validates, then warns about likely duplicates (same phone, same national id, or same name and
   * birth date) with a 'conflict' error listing them in details.duplicates; resending with
   * confirmDuplicate: true creates the patient anyway.
   */
  'patients.create': (input, ctx) => {
    checkBirthDate(ctx, input.birthDate);
    const preferredChannel = input.preferredChannel ?? (!input.phone && input.email ? 'email' : 'phone');
    // A patient without any contact details is allowed (the default channel then reaches nobody).
    if (input.preferredChannel || input.phone || input.email) {
      checkChannel({ preferredChannel, phone: input.phone ?? null, email: input.email ?? null });
    }
    if (!input.confirmDuplicate) {
      const duplicates = findDuplicates(ctx, input);
      if (duplicates.length > 0) {
        const who = duplicates.map((d) => `${d.firstName} ${d.lastName} (${d.reasons.join(', ')})`).join('; ');
        throw new CommandError('conflict', `This may be a patient we already have: ${who}. Create anyway?`, undefined, {
          reason: 'possible_duplicate',
          duplicates,
        }).because('duplicate_patient', { patient: who });
      }
    }
    const row = ctx.write('patients.create', (w) => {
      const inserted = w.insert('patients', { ...toColumns(input), preferred_channel: preferredChannel });
      if (input.confirmDuplicate) w.note({ confirmedDuplicate: true });
      return inserted;
    });
    return loadPatient(ctx.db, ctx.clinicId, row.id as string);
  },

  /**
   * Contact details and preferences, opt-out, notes, and (managers and admins) the blocked flag
   * with its reason. Only the fields given change. A change of the flag is audited as
   * 'patients.block' / 'patients.unblock' with the reason.
   */
  'patients.update': (input, ctx) => {
    const current = loadPatient(ctx.db, ctx.clinicId, input.id);
    const flag = blockedChange(ctx, current, input);
    checkBirthDate(ctx, input.birthDate);
    const next = {
      preferredChannel: input.preferredChannel ?? current.preferredChannel,
      phone: input.phone === undefined ? current.phone : input.phone,
      email: input.email === undefined ? current.email : input.email,
    };
    const touched = input.preferredChannel !== undefined || input.phone !== undefined || input.email !== undefined;
    if (touched && (next.phone || next.email || input.preferredChannel)) checkChannel(next);
    const { id: _id, blocked: _b, blockedReason: _r, ...fields } = input;
    const changes = { ...toColumns(fields), ...flag?.columns };
    const action = flag?.columns.blocked === undefined ? 'patients.update' : flag.columns.blocked ? 'patients.block' : 'patients.unblock';
    ctx.write(action, (w) => {
      w.update('patients', input.id, changes);
      w.note({ fields: Object.keys(changes), ...(flag ? { blocked: flag.blocked, blockedReason: flag.reason } : {}) });
    });
    return loadPatient(ctx.db, ctx.clinicId, input.id);
  },

  'patients.appointments': ({ patientId }, ctx) => {
    loadPatient(ctx.db, ctx.clinicId, patientId, 'patientId');
    const lists = listPatientAppointments(ctx.db, ctx.clinicId, patientId, ctx.now().toISOString(), PAST_LIMIT);
    return { patientId, ...lists };
  },
};
