import type { KeyboardEvent, PointerEvent } from 'react';
import type { DaySchedule } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import type { DragState } from '../hooks/use-drag-reschedule.ts';
import { formatMinute, minutesToPx, type PlacedAppointment } from '../lib/day-layout.ts';
import { isClosedStatus, STATUS_ICON } from '../lib/status-cue.ts';

interface Props {
  placed: PlacedAppointment;
  schedule: DaySchedule;
  axisStart: number;
  selected: boolean;
  onOpen(id: string): void;
  onArrow(id: string, key: string): void;
  /** Set while this block is being dragged. */
  drag?: DragState | null;
  onDragStart?(e: PointerEvent<HTMLButtonElement>, appointment: PlacedAppointment['appointment']): void;
}

/** "€" for EUR: the overdue badge speaks the clinic's currency. */
const currencySymbol = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? '!';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** One appointment on the grid: a button placed by time, coloured and labelled by status. */
export function AppointmentBlock({ placed, schedule, axisStart, selected, onOpen, onArrow, drag, onDragStart }: Props) {
  const { t, formatTime } = useI18n();
  const { appointment: a, span, left, width } = placed;
  const tz = schedule.clinic.timeZone;
  const start = formatTime(a.startsAt, tz);
  const end = formatTime(a.endsAt, tz);
  const minutes = Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000);
  const type = a.typeName ?? t('schedule.noType');
  const status = t(`status.${a.status}`);
  const height = Math.max(minutesToPx(span.end - span.start) - 2, 18);
  const size = height < 34 ? 'xs' : height < 52 ? 'sm' : 'lg';

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!ARROWS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    onArrow(a.id, e.key);
  };

  const icon = (
    <span className="appt__icon" aria-hidden="true">
      {STATUS_ICON[a.status]}
    </span>
  );
  const owes = schedule.overduePatientIds.includes(a.patientId);
  const patient = (
    <span className="appt__patient">
      {owes && (
        <span className="appt__owes" title={t('money.overdueBadge')} data-testid="overdue-badge">
          {currencySymbol(schedule.clinic.currency)}
          <span className="sr-only"> {t('money.overdueBadge')}</span>
        </span>
      )}
      {a.patientName}
    </span>
  );

  return (
    <button
      type="button"
      className={`appt appt--${a.status} appt--${size}${isClosedStatus(a.status) ? ' appt--closed' : ''}${drag ? ' appt--dragging' : ''}${
        a.status === 'scheduled' || a.status === 'confirmed' ? ' appt--movable' : ''
      }`}
      style={{
        top: minutesToPx(span.start - axisStart) + 1,
        height,
        left: `calc(${left * 100}% + 3px)`,
        width: `calc(${width * 100}% - 6px)`,
        ...(drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : {}),
      }}
      onPointerDown={onDragStart ? (e) => onDragStart(e, a) : undefined}
      data-drag-minute={drag ? drag.minute : undefined}
      data-appointment-id={a.id}
      data-status={a.status}
      data-owes={owes || undefined}
      aria-label={`${t('schedule.appointmentLabel', { patient: a.patientName, type, start, end, status })}${owes ? ` · ${t('money.overdueBadge')}` : ''}`}
      aria-pressed={selected}
      title={`${start}–${end} · ${a.patientName} · ${type} · ${status}`}
      onClick={() => onOpen(a.id)}
      onKeyDown={onKeyDown}
    >
      {drag && (
        <span className="appt__drop" aria-hidden="true">
          {formatMinute(drag.minute)}
        </span>
      )}
      {size === 'xs' ? (
        <span className="appt__line">
          {icon}
          <span className="appt__time">{start}</span>
          {patient}
        </span>
      ) : (
        <>
          <span className="appt__line">
            {icon}
            {size === 'lg' ? <span className="appt__time">{`${start}–${end}`}</span> : patient}
          </span>
          {size === 'lg' && <span className="appt__line">{patient}</span>}
          <span className="appt__line appt__meta">
            {size === 'sm' && <span className="appt__time">{`${start}–${end}`}</span>}
            <span className="appt__type-dot" style={{ background: a.typeColor ?? 'var(--c-muted)' }} aria-hidden="true" />
            <span className="appt__type">{type}</span>
            {size === 'lg' && <span className="appt__dur">{t('schedule.minutes', { count: minutes })}</span>}
          </span>
          {size === 'lg' && <span className="appt__line appt__status">{status}</span>}
        </>
      )}
    </button>
  );
}
