import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { instantToLocalMinute, todayIn } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useDragReschedule } from '../hooks/use-drag-reschedule.ts';
import { type I18n, useI18n } from '../../../i18n/use-i18n.ts';
import { COLUMN_MIN_PX, columnsInView, TIME_AXIS_PX } from '../lib/columns-in-view.ts';
import { axisSpan, formatMinute, minutesToPx, PX_PER_MINUTE, spanOf } from '../lib/day-layout.ts';
import { dropNotes } from './appointment-block.tsx';
import { DoctorColumn } from './doctor-column.tsx';
import { NowLine } from './now-line.tsx';
import { TimeAxis } from './time-axis.tsx';
import { deskNow } from '../../../clock.ts';
import './day-schedule.css';

interface Props {
  schedule: DaySchedule;
  selectedId: string | null;
  onOpen(id: string): void;
  /** The previous day, kept while the next one loads: ignores input, dimmed and inert if slow. */
  stale?: boolean;
  onMoved?(): void;
  onMoveRefused?(error: CommandErrorData): void;
  onEmptyClick?(doctorId: string, minute: number): void;
}

function focusAppointment(id: string): void {
  document.querySelector<HTMLElement>(`[data-appointment-id="${CSS.escape(id)}"]`)?.focus();
}

const noop = () => {};

/**
 * A stale grid is dimmed and made inert only when the next day takes longer than this: both
 * restyle every element of a busy grid, twice, for a load that usually ends sooner.
 */
const DIM_AFTER_MS = 100;

/** "€" for EUR: the overdue badge speaks the clinic's currency. */
const currencySymbols = new Map<string, string>();
function currencySymbol(currency: string): string {
  let symbol = currencySymbols.get(currency);
  if (symbol === undefined) {
    symbol = new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? '!';
    currencySymbols.set(currency, symbol);
  }
  return symbol;
}

/**
 * "HH:mm" of instants in the clinic's time zone, remembered: a busy day formats a thousand
 * block times, mostly the same few dozen, and each Intl call costs microseconds.
 */
function rememberedClock(i18n: I18n, timeZone: string): (instant: string) => string {
  const known = new Map<string, string>();
  return (instant) => {
    let text = known.get(instant);
    if (text === undefined) {
      if (known.size > 5000) known.clear();
      known.set(instant, (text = i18n.formatTime(instant, timeZone)));
    }
    return text;
  };
}

/**
 * The grid: a sticky row of doctor names over one column per doctor along the time axis.
 * Columns and blocks get stable props, so only what changed re-renders (see DoctorColumn).
 */
export const DayScheduleGrid = memo(function DayScheduleGrid({
  schedule,
  selectedId,
  onOpen,
  stale = false,
  onMoved = noop,
  onMoveRefused = noop,
  onEmptyClick,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const clock = useMemo(() => rememberedClock(i18n, schedule.clinic.timeZone), [i18n, schedule.clinic.timeZone]);
  const scroller = useRef<HTMLDivElement>(null);
  const axis = useMemo(() => axisSpan(schedule), [schedule]);
  const { drag, begin, pending, answerPending } = useDragReschedule(schedule, onMoved, onMoveRefused);
  const [dimmed, setDimmed] = useState(false);
  useEffect(() => {
    if (!stale) return setDimmed(false);
    const timer = setTimeout(() => setDimmed(true), DIM_AFTER_MS);
    return () => clearTimeout(timer);
  }, [stale]);
  // Until it is inert, a stale grid ignores clicks, keys and drags through these stable handlers.
  const live = useRef({ stale, onOpen, onEmptyClick, begin });
  live.current = { stale, onOpen, onEmptyClick, begin };
  const open = useCallback((id: string) => !live.current.stale && live.current.onOpen(id), []);
  const onEmpty = useCallback((doctorId: string, minute: number) => !live.current.stale && live.current.onEmptyClick?.(doctorId, minute), []);
  const dragStart = useCallback(
    (e: PointerEvent<HTMLButtonElement>, a: DayAppointment) => !live.current.stale && live.current.begin(e, a),
    [],
  );
  const hasEmptyClick = onEmptyClick !== undefined;

  const byDoctor = useMemo(() => {
    const map = new Map<string, DayAppointment[]>();
    for (const d of schedule.doctors) map.set(d.id, []);
    for (const a of schedule.appointments) map.get(a.doctorId)?.push(a);
    // Plain string order: ISO instants sort as text, and localeCompare (ICU collation) took
    // ~0.3 ms per comparison on a busy day. The host answers in start order: sort only if not.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const order = (x: DayAppointment, y: DayAppointment) => cmp(x.startsAt, y.startsAt) || cmp(y.endsAt, x.endsAt);
    for (const list of map.values()) if (list.some((a, i) => i > 0 && order(list[i - 1]!, a) > 0)) list.sort(order);
    return map;
  }, [schedule]);
  const overdue = useMemo(() => new Set(schedule.overduePatientIds), [schedule]);

  // Today opens at the current time; other days at the start of the working day. Before paint,
  // and without reading the layout unless needed: a forced layout of a busy day costs tens of ms.
  const scrolledTo = useRef(0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const tz = schedule.clinic.timeZone;
    const now = deskNow();
    const isToday = todayIn(tz, now) === schedule.date;
    const minute = isToday ? instantToLocalMinute(now.toISOString(), tz) : axis.start;
    const top = minute <= axis.start ? 0 : Math.max(0, minutesToPx(minute - axis.start) - el.clientHeight / 3);
    if (top !== scrolledTo.current) el.scrollTop = scrolledTo.current = top;
    // Only when the day (or its time zone) changes, not on every refresh of the same day.
  }, [schedule.date, schedule.clinic.timeZone, axis.start]);

  // A new day draws the blocks of the columns in view first, the others right after its first
  // paint (an interruptible transition: the next key press wins). A refresh of the shown day draws
  // every column at once. Scroll position and width are kept from events, never read in render.
  const view = useRef({ scrollLeft: 0, width: window.innerWidth });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && (view.current.width = entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const [completeDate, setCompleteDate] = useState<string | null>(null);
  const complete = completeDate === schedule.date;
  useEffect(() => {
    if (complete) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setCompleteDate(schedule.date)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete, schedule.date]);
  const inView = complete ? null : columnsInView({ ...view.current, columns: schedule.doctors.length });

  const onArrow = useCallback(
    (id: string, key: string) => {
      if (live.current.stale) return;
      const columns = schedule.doctors.map((d) => byDoctor.get(d.id) ?? []);
      const col = columns.findIndex((list) => list.some((a) => a.id === id));
      const list = columns[col];
      if (!list) return;
      const row = list.findIndex((a) => a.id === id);
      const current = list[row]!;
      let target: DayAppointment | undefined;
      if (key === 'ArrowUp') target = list[row - 1];
      else if (key === 'ArrowDown') target = list[row + 1];
      else {
        const step = key === 'ArrowLeft' ? -1 : 1;
        const at = spanOf(current, schedule).start;
        for (let c = col + step; c >= 0 && c < columns.length && !target; c += step) {
          const candidates = columns[c] ?? [];
          target = candidates.reduce<DayAppointment | undefined>((best, a) => {
            const d = Math.abs(spanOf(a, schedule).start - at);
            return !best || d < Math.abs(spanOf(best, schedule).start - at) ? a : best;
          }, undefined);
        }
      }
      if (!target) return;
      // Its column may not be drawn yet.
      if (!document.querySelector(`[data-appointment-id="${CSS.escape(target.id)}"]`)) flushSync(() => setCompleteDate(schedule.date));
      focusAppointment(target.id);
    },
    [schedule, byDoctor],
  );

  const gridStyle = {
    '--cols': schedule.doctors.length,
    '--axis-w': `${TIME_AXIS_PX}px`,
    '--col-min': `${COLUMN_MIN_PX}px`,
    '--slot-px': `${schedule.clinic.slotMinutes * PX_PER_MINUTE}px`,
    '--hour-px': `${60 * PX_PER_MINUTE}px`,
    '--axis-offset': `${minutesToPx(Math.ceil(axis.start / 60) * 60 - axis.start)}px`,
  } as CSSProperties;

  return (
    <div
      className={stale && dimmed ? 'grid grid--stale' : 'grid'}
      style={gridStyle}
      data-testid={stale ? 'day-schedule-stale' : 'day-schedule'}
      data-date={schedule.date}
      aria-busy={stale}
      inert={stale && dimmed}
    >
      <div
        className="grid__scroll"
        ref={scroller}
        onScroll={(e) => {
          scrolledTo.current = e.currentTarget.scrollTop;
          view.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div className="grid__head">
          <div className="grid__corner">{t('schedule.timeAxis')}</div>
          {schedule.doctors.map((d) => {
            const count = (byDoctor.get(d.id) ?? []).length;
            const room = d.hours.find((h) => h.roomName)?.roomName;
            const countLabel = count === 1 ? t('schedule.appointmentCountOne') : t('schedule.appointmentCount', { count });
            return (
              <div key={d.id} className="doctor-head" style={{ '--doctor-color': d.color } as CSSProperties}>
                <span className="doctor-head__row">
                  <span className="doctor-head__name">{d.displayName}</span>
                  <span className="doctor-head__count" title={countLabel}>
                    <span aria-hidden="true">{count}</span>
                    <span className="sr-only">{countLabel}</span>
                  </span>
                </span>
                <span className="doctor-head__meta">{[d.specialty, room].filter(Boolean).join(' · ')}</span>
              </div>
            );
          })}
        </div>
        <div className="grid__body" style={{ height: minutesToPx(axis.end - axis.start) }}>
          <TimeAxis axis={axis} />
          {schedule.doctors.map((d, i) => {
            const appointments = byDoctor.get(d.id) ?? [];
            const holds = (id: string | null | undefined) => id != null && appointments.some((a) => a.id === id);
            return (
              <DoctorColumn
                key={d.id}
                doctor={d}
                appointments={appointments}
                drawBlocks={!inView || (i >= inView.first && i <= inView.last)}
                schedule={schedule}
                axis={axis}
                i18n={i18n}
                clock={clock}
                selectedId={holds(selectedId) ? selectedId : null}
                overdue={overdue}
                owesSymbol={currencySymbol(schedule.clinic.currency)}
                onOpen={open}
                onArrow={onArrow}
                drag={holds(drag?.id) ? drag : null}
                onDragStart={dragStart}
                {...(hasEmptyClick ? { onEmptyClick: onEmpty } : {})}
              />
            );
          })}
          <NowLine schedule={schedule} axis={axis} />
        </div>
      </div>
      {pending && (
        <ConfirmDialog
          title={t('drag.fitTitle', { start: formatMinute(pending.drag.minute), end: formatMinute(pending.drag.minute + pending.drag.durationMinutes) })}
          body={[
            t('drag.fitBody', {
              pointer: formatMinute(pending.drag.pointerMinute),
              start: formatMinute(pending.drag.minute),
              end: formatMinute(pending.drag.minute + pending.drag.durationMinutes),
              day: i18n.formatDay(schedule.date, 'short'),
            }),
            // What is in the way there too (the command will refuse it): said before asking.
            ...dropNotes({ ...pending.drag, fitted: false }, t).map((note) => `${t('drag.thereNote')} ${note}.`),
          ].join(' ')}
          confirmLabel={t('drag.fitConfirm', { start: formatMinute(pending.drag.minute) })}
          keepLabel={t('drag.fitKeep', { current: formatMinute(pending.fromMinute) })}
          testId="drop-confirm"
          onKeep={() => answerPending(false)}
          onConfirm={() => answerPending(true)}
        />
      )}
    </div>
  );
});
