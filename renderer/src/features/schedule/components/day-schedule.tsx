import { useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { instantToLocalMinute, todayIn } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useDragReschedule } from '../hooks/use-drag-reschedule.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { axisSpan, minutesToPx, PX_PER_MINUTE, spanOf } from '../lib/day-layout.ts';
import { DoctorColumn } from './doctor-column.tsx';
import { NowLine } from './now-line.tsx';
import { TimeAxis } from './time-axis.tsx';

interface Props {
  schedule: DaySchedule;
  selectedId: string | null;
  onOpen(id: string): void;
  /** The previous day, shown dimmed and inert while the next one loads. */
  stale?: boolean;
  onMoved?(): void;
  onMoveRefused?(error: CommandErrorData): void;
  onEmptyClick?(doctorId: string, minute: number): void;
}

function focusAppointment(id: string): void {
  document.querySelector<HTMLElement>(`[data-appointment-id="${CSS.escape(id)}"]`)?.focus();
}

/** The grid: a sticky row of doctor names over one column per doctor along the time axis. */
const noop = () => {};

export function DayScheduleGrid({ schedule, selectedId, onOpen, stale = false, onMoved = noop, onMoveRefused = noop, onEmptyClick }: Props) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const axis = useMemo(() => axisSpan(schedule), [schedule]);
  const { drag, begin } = useDragReschedule(schedule, onMoved, onMoveRefused);

  const byDoctor = useMemo(() => {
    const map = new Map<string, DayAppointment[]>();
    for (const d of schedule.doctors) map.set(d.id, []);
    for (const a of schedule.appointments) map.get(a.doctorId)?.push(a);
    // Plain string order: ISO instants sort as text, and localeCompare (ICU collation) took
    // ~0.3 ms per comparison on a busy day.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    for (const list of map.values()) list.sort((x, y) => cmp(x.startsAt, y.startsAt) || cmp(y.endsAt, x.endsAt));
    return map;
  }, [schedule]);

  // Today opens at the current time; other days at the start of the working day.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const tz = schedule.clinic.timeZone;
    const now = new Date();
    const minute = todayIn(tz, now) === schedule.date ? instantToLocalMinute(now.toISOString(), tz) : axis.start;
    el.scrollTop = Math.max(0, minutesToPx(minute - axis.start) - el.clientHeight / 3);
    // Only when the day changes, not on every refresh of the same day.
  }, [schedule.date, axis.start]);

  const onArrow = useCallback(
    (id: string, key: string) => {
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
      if (target) focusAppointment(target.id);
    },
    [schedule, byDoctor],
  );

  const gridStyle = {
    '--cols': schedule.doctors.length,
    '--slot-px': `${schedule.clinic.slotMinutes * PX_PER_MINUTE}px`,
    '--hour-px': `${60 * PX_PER_MINUTE}px`,
    '--axis-offset': `${minutesToPx(Math.ceil(axis.start / 60) * 60 - axis.start)}px`,
  } as CSSProperties;

  return (
    <div
      className={stale ? 'grid grid--stale' : 'grid'}
      style={gridStyle}
      data-testid={stale ? 'day-schedule-stale' : 'day-schedule'}
      data-date={schedule.date}
      aria-busy={stale}
      inert={stale}
    >
      <div className="grid__scroll" ref={scroller}>
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
          {schedule.doctors.map((d) => (
            <DoctorColumn
              key={d.id}
              doctor={d}
              appointments={byDoctor.get(d.id) ?? []}
              schedule={schedule}
              axis={axis}
              selectedId={selectedId}
              onOpen={onOpen}
              onArrow={onArrow}
              drag={drag}
              {...(stale ? {} : { onDragStart: begin })}
              {...(onEmptyClick && !stale ? { onEmptyClick } : {})}
            />
          ))}
          <NowLine schedule={schedule} axis={axis} />
        </div>
      </div>
    </div>
  );
}
