import { addDaysIso } from '../shared/domain/clinic-time.ts';
import type { Bench } from './context.ts';
import { round, sample, summarize } from './stats.ts';

const WARM_UP = 30;

/** Days spanned by [first, last], inclusive. */
function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `schedule.day` through the command handler (validation, envelope and all) on random days. */
export const scheduleDayBench: Bench = {
  name: 'schedule.day',
  async run(ctx) {
    const rng = ctx.rng('schedule-day');
    const span = daysBetween(ctx.window.first, ctx.window.last);
    const dates = Array.from({ length: ctx.samples }, () => addDaysIso(ctx.window.first, rng.int(0, span - 1)));
    let appointments = 0;
    const timings = await sample(dates, WARM_UP, async (date) => {
      const result = await ctx.app.invoke('schedule.day', { date });
      if (!result.ok) throw new Error(`schedule.day ${date} failed: ${result.error.code} ${result.error.message}`);
      appointments += (result.value as { appointments: unknown[] }).appointments.length;
    });
    const s = summarize(timings);
    ctx.log(`schedule.day: ${s.count} days, p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, max ${round(s.max)} ms`);
    return {
      schedule_day_p50_ms: round(s.p50),
      schedule_day_p95_ms: round(s.p95),
      schedule_day_max_ms: round(s.max),
      schedule_day_mean_appointments: round(appointments / (dates.length + Math.min(WARM_UP, dates.length)), 1),
    };
  },
};
