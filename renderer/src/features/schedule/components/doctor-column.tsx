import { memo, useMemo, useRef, type PointerEvent } from 'react';
import type { DayAppointment, DayDoctor, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';
import type { DragState } from '../hooks/use-drag-reschedule.ts';
import { gaps, minutesToPx, PX_PER_MINUTE, placeAppointments, spanOf, type Span } from '../lib/day-layout.ts';
import { recycleKeys, type RecycledKeys } from '../lib/recycle-keys.ts';
import { AppointmentBlock } from './appointment-block.tsx';
import './doctor-column.css';

interface Props {
  doctor: DayDoctor;
  appointments: readonly DayAppointment[];
  /** False while a new day draws the columns in view first: the column shows its shading only. */
  drawBlocks: boolean;
  schedule: DaySchedule;
  axis: Span;
  i18n: I18n;
  clock(instant: string): string;
  /** The selected appointment when it is in this column, else null. */
  selectedId: string | null;
  /** Patients with an overdue instalment, and the symbol their badge shows. */
  overdue: ReadonlySet<string>;
  owesSymbol: string;
  onOpen(id: string): void;
  onArrow(id: string, key: string): void;
  /** The drag in progress when its block is in this column, else null. */
  drag: DragState | null;
  onDragStart?(e: PointerEvent<HTMLButtonElement>, appointment: DayAppointment): void;
  /** A click on free space: the slot-grid minute under the pointer. */
  onEmptyClick?(doctorId: string, minute: number): void;
}

interface Shade {
  key: string;
  span: Span;
  kind: 'off' | 'break' | 'vacation' | 'blocked';
  label: string;
}

function shadesOf(doctor: DayDoctor, schedule: DaySchedule, axis: Span, t: I18n['t']): Shade[] {
  const clip = (s: Span): Span => ({ start: Math.max(s.start, axis.start), end: Math.min(s.end, axis.end) });
  return [
    ...gaps(axis, doctor.hours.map((h) => spanOf(h, schedule))).map((span, i) => ({
      key: `off-${i}`,
      span,
      kind: 'off' as const,
      label: t('schedule.offHours'),
    })),
    ...doctor.breaks.map((b, i) => ({
      key: `break-${i}`,
      span: spanOf(b, schedule),
      kind: 'break' as const,
      label: b.label ?? t('schedule.break'),
    })),
    ...doctor.vacations.map((v, i) => ({
      key: `vac-${i}`,
      span: spanOf(v, schedule),
      kind: 'vacation' as const,
      label: v.reason ? `${t('schedule.vacation')} · ${v.reason}` : t('schedule.vacation'),
    })),
    ...schedule.blocked.map((b, i) => ({
      key: `blocked-${i}`,
      span: spanOf(b, schedule),
      kind: 'blocked' as const,
      label: b.reason ? `${t('schedule.blocked')} · ${b.reason}` : t('schedule.blocked'),
    })),
  ]
    .map((s) => ({ ...s, span: clip(s.span) }))
    .filter((s) => s.span.end > s.span.start);
}

/**
 * One doctor's day: off-hours, breaks, absences and clinic closures shaded, appointments on top.
 * Memoised with its placement, so a re-render of the grid for another column skips this one.
 */
export const DoctorColumn = memo(function DoctorColumn({
  doctor,
  appointments,
  drawBlocks,
  schedule,
  axis,
  i18n,
  clock,
  selectedId,
  overdue,
  owesSymbol,
  onOpen,
  onArrow,
  drag,
  onDragStart,
  onEmptyClick,
}: Props) {
  const shades = useMemo(() => shadesOf(doctor, schedule, axis, i18n.t), [doctor, schedule, axis, i18n]);
  const placed = useMemo(() => (drawBlocks ? placeAppointments(appointments, schedule) : []), [drawBlocks, appointments, schedule]);
  const recycled = useRef<RecycledKeys>({ keys: new Map(), nextKey: 0 });
  const keys = useMemo(() => {
    const focused = document.activeElement?.getAttribute('data-appointment-id') ?? null;
    const ids = placed.map((p) => p.appointment.id);
    // Written during render, but idempotent: the same placement gets the same keys again.
    recycled.current = recycleKeys(recycled.current, ids, focused);
    return recycled.current.keys;
  }, [placed]);

  return (
    <div
      className="doctor-col"
      role="group"
      aria-label={doctor.displayName}
      data-doctor-id={doctor.id}
      onClick={(e) => {
        if (!onEmptyClick || (e.target as HTMLElement).closest('.appt')) return;
        const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
        const slot = schedule.clinic.slotMinutes;
        onEmptyClick(doctor.id, Math.floor((axis.start + y / PX_PER_MINUTE) / slot) * slot);
      }}
    >
      {shades.map((s) => (
        <div
          key={s.key}
          className={`shade shade--${s.kind}`}
          style={{ top: minutesToPx(s.span.start - axis.start), height: minutesToPx(s.span.end - s.span.start) }}
        >
          {minutesToPx(s.span.end - s.span.start) >= 16 && <span className="shade__label">{s.label}</span>}
        </div>
      ))}
      {placed.map((p) => (
        <AppointmentBlock
          key={keys.get(p.appointment.id)}
          placed={p}
          i18n={i18n}
          clock={clock}
          axisStart={axis.start}
          selected={p.appointment.id === selectedId}
          owesSymbol={overdue.has(p.appointment.patientId) ? owesSymbol : null}
          onOpen={onOpen}
          onArrow={onArrow}
          drag={drag?.id === p.appointment.id ? drag : null}
          {...(onDragStart ? { onDragStart } : {})}
        />
      ))}
    </div>
  );
});
