import { type ClinicApp, createApp } from '../../electron/app.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import type { CommandErrorData } from '../../shared/result.ts';
import { FX, T0, count, seedFixture } from './fixtures.ts';

/** Helpers for the treatment plan / payment DB tests on top of fixtures.ts. */

export const PX = {
  patient2: '01900000-0000-7000-8000-00000000a002',
  apptLater: '01900000-0000-7000-8000-00000000b101',
  apptOtherPatient: '01900000-0000-7000-8000-00000000b102',
} as const;

export interface TestClock {
  set(iso: string): void;
  now: () => Date;
}

export function clock(start: string): TestClock {
  let t = new Date(start);
  return { set: (iso) => (t = new Date(iso)), now: () => t };
}

/** The fixture clinic (Europe/Madrid, EUR) plus a second patient and two more appointments. */
export function planApp(c: TestClock = clock('2026-11-23T10:00:00Z')): ClinicApp {
  const app = createApp({ dataDir: ':memory:', demo: false, now: c.now });
  seedFixture(app.db);
  const run = (sql: string, ...args: unknown[]) => app.db.prepare(sql).run(...args);
  run(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, phone, updated_at) VALUES (?, ?, 'Mateo', 'Ruiz', '+34 600 000 002', ?)`,
    PX.patient2,
    FX.clinic,
    T0,
  );
  const appt = (id: string, patient: string, start: string, end: string) =>
    run(
      `INSERT INTO appointments (id, clinic_id, doctor_id, room_id, patient_id, appointment_type_id, starts_at, ends_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      FX.clinic,
      FX.doctorA,
      FX.room,
      patient,
      FX.type,
      start,
      end,
      T0,
    );
  appt(PX.apptLater, FX.patient, '2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z');
  appt(PX.apptOtherPatient, PX.patient2, '2026-11-30T11:00:00.000Z', '2026-11-30T11:30:00.000Z');
  return app;
}

/** Invokes a command that must succeed and returns its typed value. */
export async function ok<N extends CommandName>(app: ClinicApp, name: N, input: unknown): Promise<CommandOutput<N>> {
  const res = await app.invoke(name, input);
  if (!res.ok) throw new Error(`${name} failed: ${JSON.stringify(res.error)}`);
  return res.value as CommandOutput<N>;
}

/** Invokes a command that must fail and returns its error. */
export async function err(app: ClinicApp, name: CommandName, input: unknown): Promise<CommandErrorData> {
  const res = await app.invoke(name, input);
  if (res.ok) throw new Error(`${name} unexpectedly succeeded`);
  return res.error;
}

const MONEY_TABLES = [
  'treatment_plans',
  'treatment_steps',
  'payment_plans',
  'installments',
  'payments',
  'payment_allocations',
  'audit_log',
  'outbox',
];

/** Row counts of every table these commands write, to prove a refused input changed nothing. */
export function moneyCounts(app: ClinicApp): Record<string, number> {
  return Object.fromEntries(MONEY_TABLES.map((t) => [t, count(app.db, t)]));
}

export const threeSteps = {
  patientId: FX.patient,
  title: 'Upper right molar',
  doctorId: FX.doctorA,
  steps: [
    { procedure: 'Root canal', tooth: '16', estimatedCostCents: 40_000, expectedMinutes: 60, appointmentTypeId: FX.type },
    { procedure: 'Post and core', tooth: '16', estimatedCostCents: 20_000, expectedMinutes: 45 },
    { procedure: 'Crown', tooth: '16', estimatedCostCents: 60_000, expectedMinutes: 45, doctorId: FX.doctorB },
  ],
};
