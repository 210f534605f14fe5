import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentTypeView, DoctorView } from '../../../shared/domain/availability-admin-types.ts';
import type { AvailableSlot } from '../../../shared/domain/booking-types.ts';
import { addDaysIso, instantToLocalDate, type IsoDate } from '../../../shared/domain/clinic-time.ts';
import { useCommandQuery } from '../data/use-command-query.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { doctorName, OptionalSelect } from './optional-select.tsx';
import { useErrorText } from '../i18n/error-text.ts';
import { DateField } from './date-field.tsx';
import './free-slot-finder.css';

type TimeOfDay = 'any' | 'morning' | 'afternoon';

interface Props {
  doctors: readonly DoctorView[];
  types: readonly AppointmentTypeView[];
  timeZone: string;
  today: IsoDate;
  /** The day the screen shows: the search starts there (never before today) and follows it. */
  startDate?: IsoDate;
  typeId: string;
  onTypeChange(typeId: string): void;
  /** '' = any doctor. */
  doctorId: string;
  onDoctorChange(doctorId: string): void;
  patientId?: string;
  excludeAppointmentId?: string;
  /** The type cannot change (rescheduling keeps the type). */
  lockType?: boolean;
  selected: AvailableSlot | null;
  onPick(slot: AvailableSlot): void;
  limit?: number;
  /** Bump to move the keyboard into the slot list (the next step after choosing a patient). */
  focusRequest?: number;
  /** The list takes the keyboard when the dialog opens (rescheduling has no patient step). */
  initialFocus?: boolean;
}

const slotKey = (s: { doctorId: string; startsAt: string }) => `${s.doctorId}@${s.startsAt}`;

/** "Find next free": doctor or any doctor, type, from date, time of day → the first free slots. */
export function FreeSlotFinder(props: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const { doctors, types, timeZone, today, typeId, doctorId, selected, onPick } = props;
  const start = props.startDate && props.startDate > today ? props.startDate : today;
  const [fromDate, setFromDate] = useState<IsoDate>(start);
  // Another day shown: search from there (the state is reset during render, not in an effect).
  const [followed, setFollowed] = useState<IsoDate>(start);
  if (followed !== start) {
    setFollowed(start);
    setFromDate(start);
  }
  const [days, setDays] = useState(28);
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay>('any');
  const input = useMemo(
    () =>
      typeId
        ? {
            appointmentTypeId: typeId,
            fromDate,
            toDate: addDaysIso(fromDate, days - 1),
            timeOfDay,
            limit: props.limit ?? 12,
            ...(doctorId ? { doctorId } : {}),
            ...(props.patientId ? { patientId: props.patientId } : {}),
            ...(props.excludeAppointmentId ? { excludeAppointmentId: props.excludeAppointmentId } : {}),
          }
        : null,
    [typeId, fromDate, days, timeOfDay, doctorId, props.patientId, props.excludeAppointmentId, props.limit],
  );
  const { state } = useCommandQuery('availability.findFree', input);
  const slots = state.data && input && state.data.appointmentTypeId === typeId ? state.data.slots : [];

  // Roving tabindex: one slot is in the Tab order; Up/Down/Home/End move through the list.
  const list = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = Math.max(0, slots.findIndex((s) => slotKey(s) === (activeKey ?? (selected ? slotKey(selected) : ''))));
  const focusOption = (index: number) => list.current?.querySelectorAll<HTMLElement>('[role="option"]')[index]?.focus();
  const onListKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (slots.length === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: slots.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = Math.min(slots.length - 1, Math.max(0, next));
    setActiveKey(slotKey(slots[index]!));
    focusOption(index);
  };
  // Asked to take the keyboard: the active slot, or the list itself until its slots arrive.
  // Mounted after its dialog opened (the clinic's lists came later): take the keyboard then.
  const initialFocus = props.initialFocus;
  useEffect(() => {
    if (initialFocus && list.current?.closest('dialog')?.open) list.current.focus();
  }, [initialFocus]);
  const handled = useRef(props.focusRequest ?? 0);
  useEffect(() => {
    const request = props.focusRequest ?? 0;
    if (request === handled.current) return;
    handled.current = request;
    const option = list.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    (option ?? list.current)?.focus();
  }, [props.focusRequest]);
  useEffect(() => {
    if (slots.length > 0 && document.activeElement === list.current) focusOption(activeIndex);
  }, [slots.length, activeIndex]);

  let lastDate = '';
  return (
    <div className="finder" data-testid="free-slot-finder">
      <div className="finder__form">
        <label className="field">
          <span>{t('booking.type')}</span>
          <select className="input" value={typeId} disabled={props.lockType} onChange={(e) => props.onTypeChange(e.target.value)} data-testid="type-select">
            {!typeId && <option value="">{t('booking.chooseType')}</option>}
            {types.filter((ty) => ty.active || ty.id === typeId).map((ty) => (
              <option key={ty.id} value={ty.id}>
                {ty.name} · {t('schedule.minutes', { count: ty.durationMinutes })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('booking.doctor')}</span>
          <OptionalSelect
            className="input"
            value={doctorId}
            onChange={props.onDoctorChange}
            data-testid="doctor-select"
            none={t('booking.anyDoctor')}
            items={doctors.filter((d) => d.active)}
            labelOf={doctorName}
          />
        </label>
        <label className="field">
          <span>{t('booking.from')}</span>
          <DateField required value={fromDate} min={today} onChange={setFromDate} data-testid="from-date" />
        </label>
        <label className="field">
          <span>{t('booking.within')}</span>
          <select className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 28, 60, 90].map((n) => (
              <option key={n} value={n}>
                {t('booking.days', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('booking.timeOfDay')}</span>
          <select className="input" value={timeOfDay} onChange={(e) => setTimeOfDay(e.target.value as TimeOfDay)} data-testid="time-of-day">
            <option value="any">{t('booking.tod.any')}</option>
            <option value="morning">{t('booking.tod.morning')}</option>
            <option value="afternoon">{t('booking.tod.afternoon')}</option>
          </select>
        </label>
      </div>
      <div
        ref={list}
        className="finder__results"
        role="listbox"
        tabIndex={-1}
        aria-label={t('booking.freeSlots')}
        aria-description={t('booking.slotKeys')}
        data-testid="free-slots"
        aria-busy={state.status === 'loading'}
        onKeyDown={onListKeyDown}
        onFocus={(e) => {
          // The list itself got the focus (the dialog opened, or a patient was chosen): hand it to the slot.
          if (e.target === e.currentTarget && slots.length > 0) focusOption(activeIndex);
        }}
        {...(props.initialFocus ? { 'data-initial-focus': true } : {})}
      >
        {!typeId && <p className="finder__note">{t('booking.chooseTypeHint')}</p>}
        {typeId && state.status === 'error' && (
          <p className="form-error" role="alert">
            {errText(state.error)}
          </p>
        )}
        {typeId && state.status === 'ready' && slots.length === 0 && <p className="finder__note">{t('booking.noSlots')}</p>}
        {slots.flatMap((s, index) => {
          const date = instantToLocalDate(s.startsAt, timeZone);
          const heading =
            date !== lastDate ? (
              <div key={`day-${date}`} className="finder__day" role="presentation">
                {formatDay(date, 'short')}
              </div>
            ) : null;
          lastDate = date;
          const isSelected = selected !== null && slotKey(selected) === slotKey(s);
          const button = (
            <button
              key={slotKey(s)}
              type="button"
              role="option"
              aria-selected={isSelected}
              tabIndex={index === activeIndex ? 0 : -1}
              className="slot"
              onFocus={() => setActiveKey(slotKey(s))}
              onClick={() => onPick(s)}
              data-testid="free-slot"
              data-starts-at={s.startsAt}
              data-doctor-id={s.doctorId}
            >
              <span className="slot__time">
                {formatTime(s.startsAt, timeZone)}–{formatTime(s.endsAt, timeZone)}
              </span>
              <span className="slot__who">{[s.doctorName, s.roomName].filter(Boolean).join(' · ')}</span>
            </button>
          );
          return heading ? [heading, button] : [button];
        })}
      </div>
    </div>
  );
}
