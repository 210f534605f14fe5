import { useEffect, useMemo, useRef, useState } from 'react';
import type { AvailableSlot } from '../../../shared/domain/booking-types.ts';
import { instantToLocalDate, type IsoDate } from '../../../shared/domain/clinic-time.ts';
import { useCommandQuery } from '../data/use-command-query.ts';
import { useAvailabilitySettings } from '../hooks/use-availability-settings.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { DateField } from './date-field.tsx';
import { doctorName, OptionalSelect } from './optional-select.tsx';
import './slot-picker.css';

interface Props {
  patientId: string;
  today: IsoDate;
  timeZone: string;
  /** Names the picker (its group label, and its heading when `heading` is set). */
  label: string;
  heading?: boolean;
  /** The types to start with, in order of preference (the first active one wins). */
  preferredTypeIds?: readonly (string | null | undefined)[];
  initialDoctorId?: string | null;
  limit: number;
  /** A booking is on its way: the times cannot be clicked. */
  busy: boolean;
  /** Why the last booking failed, already in words. */
  error: string | null;
  /** The first free time takes the keyboard, so Enter books it (booking while on the phone). */
  focusFirst?: boolean;
  onPick(slot: AvailableSlot, appointmentTypeId: string): void;
  onClose(): void;
}

/**
 * A compact "book a free time": type, doctor (or any) and start date, then the next free times
 * from the slot finder, one click to book. The booking dialog uses the full FreeSlotFinder.
 */
export function SlotPicker(props: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const { patientId, today, timeZone, limit, busy, onPick } = props;
  const settings = useAvailabilitySettings().state.data;
  const types = useMemo(() => (settings?.appointmentTypes ?? []).filter((a) => a.active), [settings]);
  const doctors = (settings?.doctors ?? []).filter((d) => d.active);
  const [typeId, setTypeId] = useState('');
  const [doctorId, setDoctorId] = useState(props.initialDoctorId ?? '');
  const [fromDate, setFromDate] = useState<IsoDate>(today);
  const preferred = (props.preferredTypeIds ?? []).find((id) => id && types.some((a) => a.id === id));
  const type = typeId || preferred || types[0]?.id || '';

  const input = useMemo(
    () => (type ? { appointmentTypeId: type, fromDate, limit, patientId, ...(doctorId ? { doctorId } : {}) } : null),
    [type, fromDate, limit, patientId, doctorId],
  );
  const { state } = useCommandQuery('availability.findFree', input);
  const slots = input ? (state.data?.slots ?? []) : [];

  const firstSlot = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (props.focusFirst) firstSlot.current?.focus();
  }, [state.data, props.focusFirst]);

  return (
    <div className="slot-picker" data-testid="slot-picker" role="group" aria-label={props.label}>
      {props.heading && <h3 className="slot-picker__title">{props.label}</h3>}
      <div className="slot-picker__filters">
        <label className="field field--inline">
          <span>{t('slot.type')}</span>
          <select value={type} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((ty) => (
              <option key={ty.id} value={ty.id}>
                {ty.name} ({ty.durationMinutes}′)
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('slot.doctor')}</span>
          <OptionalSelect value={doctorId} onChange={setDoctorId} none={t('slot.anyDoctor')} items={doctors} labelOf={doctorName} />
        </label>
        <label className="field field--inline">
          <span>{t('slot.from')}</span>
          <DateField className="" required value={fromDate} min={today} onChange={setFromDate} data-testid="slot-from" />
        </label>
        <button type="button" className="btn btn--icon slot-picker__close" onClick={props.onClose} aria-label={t('slot.close')}>
          ×
        </button>
      </div>
      <div className="slot-picker__slots" aria-busy={state.status === 'loading' || busy}>
        {state.status === 'loading' && slots.length === 0 && <p className="muted">{t('slot.searching')}</p>}
        {state.status === 'error' && (
          <p className="form__error" role="alert">
            {errText(state.error)}
          </p>
        )}
        {state.status === 'ready' && slots.length === 0 && <p className="muted">{t('slot.none')}</p>}
        {slots.length > 0 && <span className="muted">{t('slot.pick')}</span>}
        {slots.map((slot, i) => {
          const day = formatDay(instantToLocalDate(slot.startsAt, timeZone), 'short');
          const time = formatTime(slot.startsAt, timeZone);
          return (
            <button
              key={`${slot.doctorId}-${slot.startsAt}`}
              ref={i === 0 ? firstSlot : undefined}
              type="button"
              className="btn slot-btn"
              disabled={busy}
              onClick={() => onPick(slot, type)}
              title={slot.roomName ? `${slot.doctorName} · ${slot.roomName}` : slot.doctorName}
              data-testid="free-slot"
              data-starts-at={slot.startsAt}
            >
              {t('slot.slotLabel', { day, time, doctor: slot.doctorName })}
            </button>
          );
        })}
      </div>
      {busy && <p className="muted">{t('slot.booking')}</p>}
      {props.error && (
        <p className="form__error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
