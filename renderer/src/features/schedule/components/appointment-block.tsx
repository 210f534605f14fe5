import { memo, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { DayAppointment } from '../../../../../shared/domain/types.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';
import type { DragState } from '../hooks/use-drag-reschedule.ts';
import { formatMinute, minutesToPx, type PlacedAppointment } from '../lib/day-layout.ts';
import { isClosedStatus, STATUS_ICON } from '../lib/status-cue.ts';
import './appointment-block.css';

interface Props {
  placed: PlacedAppointment;
  /** The grid's language helpers and its "HH:mm" of an instant in the clinic's time zone. */
  i18n: I18n;
  clock(instant: string): string;
  axisStart: number;
  selected: boolean;
  /** The patient has an overdue instalment: the badge shows this currency symbol. */
  owesSymbol: string | null;
  onOpen(id: string): void;
  onArrow(id: string, key: string): void;
  /** Set while this block is being dragged. */
  drag: DragState | null;
  onDragStart?(e: PointerEvent<HTMLButtonElement>, appointment: DayAppointment): void;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** What a dragged block says while it moves, besides its time: moved to fit, and what is in the way. */
export function dropNotes(drag: DragState, t: I18n['t']): string[] {
  const c = drag.conflict;
  const notes = drag.fitted ? [t('drag.fitted')] : [];
  if (c?.kind === 'overlap') notes.push(t('drag.overlap', { patient: c.patientName }));
  else if (c) notes.push(t(`drag.${c.kind}`));
  return notes;
}

function DropLabel({ drag, t }: { drag: DragState; t: I18n['t'] }) {
  const notes = dropNotes(drag, t);
  const time = t('drag.landsAt', { start: formatMinute(drag.minute), end: formatMinute(drag.minute + drag.durationMinutes) });
  return (
    <span className={`appt__drop${drag.conflict ? ' appt__drop--conflict' : ''}`} role="status" data-testid="drag-label">
      <span>{drag.doctorName ? `${time} · ${t('drag.doctor', { doctor: drag.doctorName })}` : time}</span>
      {notes.map((note) => (
        <span key={note} className="appt__drop-note">
          {note}
        </span>
      ))}
    </span>
  );
}

/**
 * One appointment on the grid: a button placed by time, coloured and labelled by status.
 * Memoised: a busy day has hundreds of blocks, and a selection, a drag or the dimmed "loading"
 * state of the grid re-renders only the blocks whose props changed.
 */
export const AppointmentBlock = memo(function AppointmentBlock({
  placed,
  i18n,
  clock,
  axisStart,
  selected,
  owesSymbol,
  onOpen,
  onArrow,
  drag,
  onDragStart,
}: Props) {
  const { t } = i18n;
  const { appointment: a, span, left, width } = placed;
  const start = clock(a.startsAt);
  const end = clock(a.endsAt);
  const type = a.typeName ?? t('schedule.noType');
  const status = t(`status.${a.status}`);
  const height = Math.max(minutesToPx(span.end - span.start) - 2, 18);
  const size = height < 34 ? 'xs' : height < 52 ? 'sm' : 'lg';
  const owes = owesSymbol !== null;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!ARROWS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    onArrow(a.id, e.key);
  };

  // Few elements per block (a busy day draws hundreds): the status icon is the lead line's
  // ::before (data-icon) and the type's dot the type's ::before (--type-color); generated content
  // stays out of the button's name, which aria-label gives. Lines are blocks that end in an ellipsis.
  const lead = { className: 'appt__line appt__line--lead', 'data-icon': STATUS_ICON[a.status] };
  const badge = owes && (
    <span className="appt__owes" title={t('money.overdueBadge')} data-testid="overdue-badge">
      {owesSymbol}
      <span className="sr-only"> {t('money.overdueBadge')}</span>
    </span>
  );
  const patient = (
    <span className="appt__patient">
      {badge}
      {a.patientName}
    </span>
  );
  const typeName = <span className="appt__type">{type}</span>;

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
        '--type-color': a.typeColor ?? 'var(--c-muted)',
        ...(drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : {}),
      } as CSSProperties}
      onPointerDown={onDragStart ? (e) => onDragStart(e, a) : undefined}
      data-drag-minute={drag ? drag.minute : undefined}
      data-drag-conflict={drag?.conflict?.kind}
      data-drag-fitted={drag?.fitted || undefined}
      data-appointment-id={a.id}
      data-status={a.status}
      data-owes={owes || undefined}
      aria-label={`${t('schedule.appointmentLabel', { patient: a.patientName, type, start, end, status })}${owes ? ` · ${t('money.overdueBadge')}` : ''}`}
      aria-pressed={selected}
      title={`${start}–${end} · ${a.patientName} · ${type} · ${status}`}
      onClick={() => onOpen(a.id)}
      onKeyDown={onKeyDown}
    >
      {drag && <DropLabel drag={drag} t={t} />}
      {size === 'xs' ? (
        <span {...lead}>
          {`${start} `}
          {patient}
        </span>
      ) : size === 'sm' ? (
        <>
          <span {...lead} className="appt__line appt__line--lead appt__patient">
            {badge}
            {a.patientName}
          </span>
          <span className="appt__line appt__meta">
            {`${start}–${end}`}
            {typeName}
          </span>
        </>
      ) : (
        <>
          <span {...lead}>{`${start}–${end}`}</span>
          <span className="appt__line appt__patient">
            {badge}
            {a.patientName}
          </span>
          <span className="appt__line appt__meta">
            {typeName}
            <span className="appt__dur">{t('schedule.minutes', { count: Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000) })}</span>
          </span>
          <span className="appt__line appt__status">{status}</span>
        </>
      )}
    </button>
  );
});
