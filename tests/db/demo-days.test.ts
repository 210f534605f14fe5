import { describe, expect, it } from 'vitest';
import { type DemoOptions, buildDemo } from '../../resources/demo/build.ts';
import { addDaysIso, instantToLocalDate } from '../../shared/domain/clinic-time.ts';

// The demo clinic is the same clinic all day long: a day's appointments depend on the seed and
// that day only, never on the hour the generator ran (an hour-dependent demo made the drag test fail at some hours).
const TZ = 'Europe/Madrid';
const SIZES = { seed: 11, patients: 800, doctors: 6 };

type Row = Record<string, unknown>;

function build(now: string, options: Partial<DemoOptions> = {}) {
  const demo = buildDemo({ now: new Date(now), ...SIZES, ...options });
  const rows: Record<string, Row[]> = {};
  for (const t of demo.tables) rows[t.table] = [...t.rows];
  const name = (table: string, col: string) => new Map(rows[table]!.map((r) => [r.id, r[col]]));
  return { demo, rows, doctor: name('doctors', 'display_name'), type: name('appointment_types', 'name'), patient: name('patients', 'first_name') };
}

/** Placement of every appointment: ids and all (for builds on the same clinic day). */
const placements = (b: ReturnType<typeof build>) =>
  b.rows.appointments!.map((a) => [a.id, a.doctor_id, a.starts_at, a.ends_at, a.patient_id, a.appointment_type_id].join(' ')).sort();

/** Placement of one day by names (ids carry booking times, which move with the generation day). */
const dayPlacements = (b: ReturnType<typeof build>, day: string) =>
  b.rows.appointments!
    .filter((a) => instantToLocalDate(a.starts_at as string, TZ) === day)
    .map((a) => [b.doctor.get(a.doctor_id), a.starts_at, a.ends_at, b.type.get(a.appointment_type_id)].join(' '))
    .sort();

describe('buildDemo, day by day', () => {
  it('gives the same appointments at 00:05 and 23:55 of one clinic day, with statuses of each instant', () => {
    // 2026-03-20 in Madrid (UTC+1): 00:05 local is 23:05 UTC the day before.
    const early = build('2026-03-19T23:05:00.000Z');
    const late = build('2026-03-20T22:55:00.000Z');
    expect(early.demo.window).toEqual(late.demo.window);
    expect(early.rows.appointments!.length).toBeGreaterThan(1000);
    expect(placements(late)).toEqual(placements(early));
    expect(late.rows.patients).toEqual(early.rows.patients);
    // The day's own appointments are still to come at 00:05 and over by 23:55.
    const today = (b: ReturnType<typeof build>) =>
      b.rows.appointments!.filter((a) => instantToLocalDate(a.starts_at as string, TZ) === '2026-03-20' && a.status !== 'cancelled');
    expect(today(early).length).toBeGreaterThan(0);
    expect(today(early).every((a) => a.status === 'scheduled' || a.status === 'confirmed')).toBe(true);
    expect(today(late).every((a) => a.status === 'completed' || a.status === 'no_show')).toBe(true);
  });

  it('gives the same appointments at every hour of a default clinic day', () => {
    const hours = ['2026-12-06T23:10:00.000Z', '2026-12-07T09:20:00.000Z', '2026-12-07T14:35:00.000Z', '2026-12-07T22:50:00.000Z'];
    const [first, ...rest] = hours.map((h) => placements(build(h, { seed: undefined, patients: undefined, doctors: undefined })));
    for (const other of rest) expect(other).toEqual(first);
  });

  it('books a past day the same whichever later day the clinic is generated on', () => {
    const a = build('2026-05-11T10:00:00.000Z');
    const b = build('2026-05-19T16:30:00.000Z');
    for (const day of ['2026-04-14', '2026-04-27', '2026-05-08']) {
      expect(dayPlacements(a, day).length, day).toBeGreaterThan(5);
      expect(dayPlacements(b, day), day).toEqual(dayPlacements(a, day));
    }
  });

  it('only adds bookings to a future day as that day comes nearer', () => {
    const a = build('2026-05-11T10:00:00.000Z');
    const b = build('2026-05-19T16:30:00.000Z');
    const day = addDaysIso('2026-05-19', 6);
    const before = dayPlacements(a, day);
    const after = dayPlacements(b, day);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('ships two recall types (cleaning every 6 months, check-up every 12) tied to their appointment types', () => {
    const { rows, type } = build('2026-05-11T10:00:00.000Z');
    const recalls = rows.recall_types!.map((r) => ({
      months: r.interval_months,
      basis: r.basis,
      types: (JSON.parse(r.appointment_type_ids as string) as string[]).map((id) => type.get(id)),
    }));
    expect(recalls).toEqual([
      { months: 6, basis: 'appointment_types', types: ['Limpieza (Cleaning)'] },
      { months: 12, basis: 'appointment_types', types: ['Revisión (Check-up)'] },
    ]);
  });
});
