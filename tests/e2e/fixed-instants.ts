/**
 * The fixed, hard instants `npm test` runs the day-dependent specs at (besides the real time):
 * Playwright projects, one per instant, added when CLINIC_DESK_E2E_INSTANTS=1 (scripts/test.mjs).
 * Each host starts its clock there (`--now`) and the page's clock follows (fixtures.ts).
 */
export const FIXED_INSTANTS = {
  /** Tuesday 8 December, Immaculate Conception: a national holiday in the demo clinic's HOLIDAYS. */
  holiday: '2026-12-08T10:30:00+01:00',
  /** A Sunday: no doctor works. */
  sunday: '2026-12-13T12:15:00+01:00',
  /** New Year's Eve, ten minutes before midnight in Madrid: the run crosses into the next year. */
  'new-years-eve': '2026-12-31T23:50:00+01:00',
  /** The last Friday before the spring clock change (Sunday 28 March 2027, 02:00 → 03:00). */
  'before-dst': '2027-03-26T18:40:00+01:00',
} as const;

/** The specs whose data depends on the day (today's schedule, the days after, overdue installments). */
export const DAY_SPECS = ['booking.spec.ts', 'day-schedule.spec.ts', 'availability.spec.ts', 'plans.spec.ts'];
