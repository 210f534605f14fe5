import { useCallback, useEffect, useRef, useState } from 'react';
import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { DaySchedule } from '../../../../../shared/domain/types.ts';
import type { CommandErrorData, Envelope } from '../../../../../shared/result.ts';
import { invoke, onEvent, peekPrefetched } from '../../../data/api.ts';
import type { QueryResult, QueryState } from '../../../data/use-command-query.ts';
import { createDayCache } from '../lib/day-cache.ts';

/** Tables whose rows show on the day schedule. */
const DAY_TABLES: ReadonlySet<string> = new Set([
  'appointments',
  'patients',
  'doctors',
  'doctor_working_hours',
  'doctor_breaks',
  'doctor_vacations',
  'clinic_blocked_periods',
  'rooms',
  'appointment_types',
  'clinics',
  // The overdue badge follows the money tables.
  'installments',
  'payment_plans',
]);

const days = createDayCache<DaySchedule>((date) => invoke('schedule.day', { date }));

/**
 * Listeners told after the day cache forgot its answers. The cache listens to the events itself
 * (from its first use on), so it is also emptied while no schedule is on screen.
 */
const changeListeners = new Set<() => void>();
let listening = false;

function subscribeDayChanges(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    onEvent((event) => {
      if (event.name !== 'data.changed') return;
      if (!(event.payload as { tables: string[] }).tables.some((t) => t === '*' || DAY_TABLES.has(t))) return;
      days.invalidate();
      for (const l of changeListeners) l();
    });
  }
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

interface DayState {
  date: IsoDate;
  query: QueryState<DaySchedule>;
}

/** A kept day (or today's boot read) shows at once; otherwise the last answer (another day) stays while it loads. */
function enter(date: IsoDate, previous: DaySchedule | null): DayState {
  let kept = days.peek(date);
  const arrived = kept ? undefined : peekPrefetched('schedule.day', { date });
  if (arrived) days.keep(date, (kept = arrived));
  return { date, query: kept ? { status: 'ready', data: kept, error: null } : { status: 'loading', data: previous, error: null } };
}

/**
 * The day schedule of one date ('schedule.day'), re-read when its rows change. The days before
 * and after are read in the background once it shows, so a day switch usually needs no read.
 * While a day loads, `state.data` still holds the previous day (shown dimmed by the screen).
 */
export function useDaySchedule(date: IsoDate): QueryResult<DaySchedule> {
  const [state, setState] = useState<DayState>(() => enter(date, null));
  const requestSeq = useRef(0);
  // A new date: decided during render, so the first frame already shows the kept day (or the
  // previous one dimmed) instead of one frame of the skeleton.
  let current = state;
  if (state.date !== date) {
    current = enter(date, state.query.data);
    setState(current);
  }

  const apply = useCallback((forDate: IsoDate, seq: number, answer: Envelope<DaySchedule>) => {
    if (seq !== requestSeq.current) return;
    setState((s) =>
      s.date !== forDate
        ? s
        : {
            date: forDate,
            query: answer.ok ? { status: 'ready', data: answer.value, error: null } : { status: 'error', data: s.query.data, error: answer.error as CommandErrorData },
          },
    );
  }, []);

  const status = current.query.status;
  useEffect(() => {
    if (status !== 'loading') return;
    const seq = ++requestSeq.current;
    void days.load(date).then((answer) => apply(date, seq, answer));
  }, [date, status, apply]);

  // A change of the day's rows: re-read silently, the current data stays until the answer.
  useEffect(
    () =>
      subscribeDayChanges(() => {
        const seq = ++requestSeq.current;
        void days.load(date).then((answer) => apply(date, seq, answer));
      }),
    [date, apply],
  );

  // Right after the day is committed: the host reads the neighbours while this one is painted.
  useEffect(() => {
    if (status !== 'ready') return;
    days.prefetch(addDaysIso(date, 1));
    days.prefetch(addDaysIso(date, -1));
  }, [date, status]);

  const reload = useCallback(() => setState((s) => ({ date: s.date, query: { status: 'loading', data: s.query.data, error: null } })), []);
  return { state: current.query, reload };
}
