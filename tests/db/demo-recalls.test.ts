import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../electron/commands/context.ts';
import { dispatch } from '../../electron/commands/dispatch.ts';
import { handlers } from '../../electron/commands/index.ts';
import { type WriteDb, openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { writeTransaction } from '../../electron/db/write/mutation-writer.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import { DEMO_CLINIC_ID, DEMO_STAFF } from '../../shared/demo-ids.ts';
import { addDaysIso, instantToLocalDate, todayIn } from '../../shared/domain/clinic-time.ts';
import { type CriteriaClock, type RecallCriteria, matchesCriteria } from '../../shared/domain/recall-criteria.ts';
import type { VisitFact } from '../../shared/domain/recall-due.ts';
import { expectedFacts, storedFacts, visitRows } from './recall-facts-model.ts';

// The demo clinic supports a recall campaign out of the box. The default demo (as
// `npm start` and the headless host build it) is seeded and asked through the command API;
// every expected count is computed from the seeded rows by the reference predicate, never typed in.
const TZ = 'Europe/Madrid';
const MANAGER = DEMO_STAFF.find((s) => s.role === 'manager')!;

function demoDesk(db: WriteDb, now: Date) {
  const ctx: CommandContext = {
    db,
    clinicId: DEMO_CLINIC_ID,
    deskId: 'desk-demo',
    staff: { id: MANAGER.id, displayName: MANAGER.displayName, role: 'manager' },
    appVersion: 'test',
    now: () => now,
    emit: () => {},
    write: (action, fn) =>
      writeTransaction({ db, clinicId: DEMO_CLINIC_ID, actorStaffId: MANAGER.id, deskId: 'desk-demo', now: () => now }, action, fn).value,
  };
  const log = { error: (m: string, meta?: Record<string, unknown>) => console.error(m, meta) };
  return async <N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>> => {
    const res = await dispatch(handlers, ctx, name, input, log);
    if (!res.ok) throw new Error(`${name} refused: ${JSON.stringify(res.error)}`);
    return res.value as never;
  };
}

/** Every patient's visits, straight from the rows (deleted rows left out, as the rules do). */
function visitsByPatient(db: WriteDb): Map<string, VisitFact[]> {
  const out = new Map<string, VisitFact[]>();
  for (const p of db.prepare('SELECT id FROM patients WHERE deleted_at IS NULL AND opt_out = 0 AND blocked = 0').all() as { id: string }[])
    out.set(p.id, []);
  for (const { patientId, visit } of visitRows(db)) out.get(patientId)?.push(visit);
  return out;
}

// A hard instant (New Year's Eve, 23:50 in Madrid) and the real one: the demo works on any day.
const INSTANTS = [new Date('2026-12-31T22:50:00.000Z'), new Date()];

describe.each(INSTANTS.map((now) => ({ now, label: now.toISOString() })))('the default demo clinic at $label', ({ now }) => {
  const db = openDatabase({ path: ':memory:' });
  migrate(db);
  expect(seedDemoClinic(db, { now }).seeded).toBe(true);
  const call = demoDesk(db, now);
  const today = todayIn(TZ, now);

  it('holds 18 months of history: completed visits older than 12 months', () => {
    const first = db.prepare(`SELECT min(starts_at) AS at FROM appointments`).get() as { at: string };
    expect(instantToLocalDate(first.at, TZ) <= addDaysIso(today, -540)).toBe(true);
    const yearAgo = addDaysIso(today, -366);
    const old = db
      .prepare(`SELECT count(*) AS n FROM appointments WHERE status = 'completed' AND starts_at < ?`)
      .get(`${yearAgo}T00:00:00.000Z`) as { n: number };
    expect(old.n).toBeGreaterThan(1000);
  });

  it('ships two recall types: cleaning every 6 months, check-up every 12, on their appointment types', async () => {
    const recallTypes = await call('recalls.types.list', {});
    const names = new Map((db.prepare('SELECT id, name FROM appointment_types').all() as { id: string; name: string }[]).map((t) => [t.id, t.name]));
    expect(recallTypes.map((t) => ({ months: t.intervalMonths, basis: t.basis, active: t.active, types: t.appointmentTypeIds.map((id) => names.get(id)) }))).toEqual(
      expect.arrayContaining([
        { months: 6, basis: 'appointment_types', active: true, types: [expect.stringMatching(/^Limpieza/)] },
        { months: 12, basis: 'appointment_types', active: true, types: [expect.stringMatching(/^Revisión/)] },
      ]),
    );
    expect(recallTypes).toHaveLength(2);
  });

  it('has its recall facts right after seeding', () => {
    expect(storedFacts(db)).toEqual(expectedFacts(db));
  });

  it('finds patients due for a cleaning and for a check-up, as the reference rules count them', async () => {
    const clock: CriteriaClock = { today, now: now.toISOString(), timeZone: TZ };
    const visits = visitsByPatient(db);
    const campaigns: RecallCriteria[] = [{ due: { kind: 'overdue', days: 0 } }, { due: { kind: 'overdue', days: 0 }, noFutureAppointment: true }];
    const recallTypes = await call('recalls.types.list', {});
    expect(recallTypes).toHaveLength(2);
    for (const t of recallTypes) {
      const rule = { id: t.id, name: t.name, intervalMonths: t.intervalMonths, basis: t.basis, appointmentTypeIds: t.appointmentTypeIds };
      for (const criteria of campaigns) {
        const expected = [...visits.values()].filter((v) =>
          matchesCriteria({ birthDate: null, optOut: false, blocked: false, deleted: false, visits: v, plans: [], doneProcedures: [] }, criteria, rule, clock),
        ).length;
        const preview = await call('recalls.preview', { recallTypeId: t.id, criteria });
        expect(preview.count, `${t.name} ${JSON.stringify(criteria)}`).toBe(expected);
        expect(preview.count, `${t.name} ${JSON.stringify(criteria)}`).toBeGreaterThan(20);
        expect(preview.sample.length).toBeGreaterThan(0);
      }
    }
  });
});
