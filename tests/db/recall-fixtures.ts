import { dispatch } from '../../electron/commands/dispatch.ts';
import type { CommandContext } from '../../electron/commands/context.ts';
import { handlers } from '../../electron/commands/index.ts';
import type { WriteDb } from '../../electron/db/database.ts';
import { writeTransaction } from '../../electron/db/write/mutation-writer.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import type { Envelope } from '../../shared/result.ts';
import { FX, T0 } from './fixtures.ts';

/** A desk working on a database: its own desk id and clock, the real handlers and dispatcher. */
export interface Desk {
  deskId: string;
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Invokes and unwraps, failing the test with the error when the command refused. */
  call<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
}

/** Acts as a manager by default: campaigns and recall types are managers' and admins' work (command-roles.ts). */
export function desk(
  db: WriteDb,
  deskId: string,
  clock: { now: Date },
  staffId: string = FX.staff,
  role: 'admin' | 'manager' | 'receptionist' = 'manager',
): Desk {
  const ctx: CommandContext = {
    db,
    clinicId: FX.clinic,
    deskId,
    staff: { id: staffId, displayName: 'Desk staff', role },
    appVersion: 'test',
    now: () => clock.now,
    emit: () => {},
    write: (action, fn) =>
      writeTransaction({ db, clinicId: FX.clinic, actorStaffId: staffId, deskId, now: () => clock.now }, action, fn).value,
  };
  const log = { error: (m: string, meta?: Record<string, unknown>) => console.error(m, meta) };
  const invoke = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, log);
  return {
    deskId,
    invoke,
    async call(name, input) {
      const res = await invoke(name, input);
      if (!res.ok) throw new Error(`${name} refused: ${JSON.stringify(res.error)}`);
      return res.value as never;
    },
  };
}

const run = (db: WriteDb, sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);

export function addStaff(db: WriteDb, name: string): string {
  const id = uuidv7();
  run(db, `INSERT INTO staff (id, clinic_id, display_name, role, updated_at) VALUES (?, ?, ?, 'receptionist', ?)`, id, FX.clinic, name, T0);
  return id;
}

export function addType(db: WriteDb, name: string): string {
  const id = uuidv7();
  run(
    db,
    `INSERT INTO appointment_types (id, clinic_id, name, duration_minutes, updated_at) VALUES (?, ?, ?, 30, ?)`,
    id,
    FX.clinic,
    name,
    T0,
  );
  return id;
}

export interface PatientSeed {
  first?: string;
  last?: string;
  birthDate?: string | null;
  phone?: string | null;
  optOut?: boolean;
  blocked?: boolean;
  deleted?: boolean;
  channel?: 'phone' | 'sms' | 'whatsapp' | 'email';
}

export function addPatient(db: WriteDb, p: PatientSeed = {}): string {
  const id = uuidv7();
  run(
    db,
    `INSERT INTO patients (id, clinic_id, first_name, last_name, birth_date, phone, preferred_channel, opt_out, blocked,
       deleted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    FX.clinic,
    p.first ?? 'Ana',
    p.last ?? 'Test',
    p.birthDate === undefined ? '1980-01-01' : p.birthDate,
    p.phone === undefined ? '+34 600 000 000' : p.phone,
    p.channel ?? 'phone',
    p.optOut ? 1 : 0,
    p.blocked ? 1 : 0,
    p.deleted ? T0 : null,
    T0,
  );
  return id;
}

export interface VisitSeed {
  at: string;
  status?: string;
  typeId?: string | null;
  doctorId?: string;
  completedAt?: string | null;
  deleted?: boolean;
}

export function addVisit(db: WriteDb, patientId: string, v: VisitSeed): string {
  const id = uuidv7();
  const start = Date.parse(v.at);
  const status = v.status ?? 'completed';
  run(
    db,
    `INSERT INTO appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at, status,
       completed_at, deleted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    FX.clinic,
    v.doctorId ?? FX.doctorA,
    patientId,
    v.typeId === undefined ? FX.type : v.typeId,
    new Date(start).toISOString(),
    new Date(start + 30 * 60_000).toISOString(),
    status,
    v.completedAt !== undefined ? v.completedAt : status === 'completed' ? new Date(start + 30 * 60_000).toISOString() : null,
    v.deleted ? T0 : null,
    T0,
  );
  return id;
}

export function addCompletedPlan(db: WriteDb, patientId: string, updatedAt: string, procedure = 'Crown', stepVisit: string | null = null): string {
  const id = uuidv7();
  run(
    db,
    `INSERT INTO treatment_plans (id, clinic_id, patient_id, title, status, updated_at) VALUES (?, ?, ?, 'Plan', 'completed', ?)`,
    id,
    FX.clinic,
    patientId,
    updatedAt,
  );
  run(
    db,
    `INSERT INTO treatment_steps (id, clinic_id, treatment_plan_id, position, procedure, status, appointment_id, updated_at)
     VALUES (?, ?, ?, 1, ?, 'done', ?, ?)`,
    uuidv7(),
    FX.clinic,
    id,
    procedure,
    stepVisit,
    updatedAt,
  );
  return id;
}
