import type { DayAppointment, DayDoctor, DaySchedule } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { gaps, minutesToPx, placeAppointments, spanOf, type Span } from '../lib/day-layout.ts';
import { AppointmentBlock } from './appointment-block.tsx';

interface Props {
  doctor: DayDoctor;
  appointments: readonly DayAppointment[];
  schedule: DaySchedule;
  axis: Span;
  selectedId: string | null;
  onOpen(id: string): void;
  onArrow(id: string, key: string): void;
}

interface Shade {
  key: string;
  span: Span;
  kind: 'off' | 'break' | 'vacation' | 'blocked';
  label: string;
}

/** One doctor's day: off-hours, breaks, absences and clinic closures shaded, appointments on top. */
export function DoctorColumn({ doctor, appointments, schedule, axis, selectedId, onOpen, onArrow }: Props) {
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
    <div className="doctor-col" role="group" aria-label={doctor.displayName} data-doctor-id={doctor.id}>
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
        />
      ))}
    </div>
  );
}
