import type { PointerEvent } from 'react';
import type { DayAppointment, DayDoctor, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { DragState } from '../hooks/use-drag-reschedule.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { gaps, minutesToPx, PX_PER_MINUTE, placeAppointments, spanOf, type Span } from '../lib/day-layout.ts';
import { AppointmentBlock } from './appointment-block.tsx';

interface Props {
  doctor: DayDoctor;
  appointments: readonly DayAppointment[];
  schedule: DaySchedule;
  axis: Span;
  selectedId: string | null;
  onOpen(id: string): void;
  onArrow(id: string, key: string): void;
  drag?: DragState | null;
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

/** One doctor's day: off-hours, breaks, absences and clinic closures shaded, appointments on top. */
export function DoctorColumn({ doctor, appointments, schedule, axis, selectedId, onOpen, onArrow, drag, onDragStart, onEmptyClick }: Props) {
  const { t } = useI18n();
  const clip = (s: Span): Span => ({ start: Math.max(s.start, axis.start), end: Math.min(s.end, axis.end) });
  const shades: Shade[] = [
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
      {placeAppointments(appointments, schedule).map((placed) => (
        <AppointmentBlock
          key={placed.appointment.id}
          placed={placed}
          schedule={schedule}
          axisStart={axis.start}
          selected={placed.appointment.id === selectedId}
          onOpen={onOpen}
          onArrow={onArrow}
          drag={drag?.id === placed.appointment.id ? drag : null}
          {...(onDragStart ? { onDragStart } : {})}
        />
      ))}
    </div>
  );
}
