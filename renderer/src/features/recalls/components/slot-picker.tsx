import { useEffect, useMemo, useRef, useState } from 'react';
import type { AvailableSlot } from '../../../../../shared/domain/booking-types.ts';
import { type IsoDate, instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import { uuidv7 } from '../../../../../shared/domain/ids.ts';
import type { RecallQueueContact } from '../../../../../shared/domain/recall-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../api.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useClinicSettings, useRecallTypes } from '../api/use-recall-data.ts';
import { doctorName, OptionalSelect } from '../../../components/optional-select.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import './slot-picker.css';

interface Props {
  contact: RecallQueueContact;
  recallTypeId: string | null;
  today: IsoDate;
  timeZone: string;
  onBooked(appointmentId: string): void;
  onClose(): void;
}

/**
 * A compact free-slot finder for booking while on the phone: type, doctor and start date, then
 * the next free times grouped by day. The first free time is focused, so Enter books it.
 */
export function SlotPicker({ contact, recallTypeId, today, timeZone, onBooked, onClose }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const settings = useClinicSettings().state.data;
  const recallType = useRecallTypes().state.data?.find((r) => r.id === recallTypeId) ?? null;
  const types = useMemo(() => (settings?.appointmentTypes ?? []).filter((a) => a.active), [settings]);
  const [typeId, setTypeId] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [fromDate, setFromDate] = useState<IsoDate>(today);
  const [slots, setSlots] = useState<AvailableSlot[] | null>(null);
  const [booking, setBooking] = useState(false);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const idempotencyKey = useRef(uuidv7());
  const firstSlot = useRef<HTMLButtonElement | null>(null);
  const chosenType = typeId || recallType?.appointmentTypeIds.find((id) => types.some((a) => a.id === id)) || types[0]?.id || '';

  useEffect(() => {
    if (!chosenType) return;
    let live = true;
    setSlots(null);
    void invoke('availability.findFree', {
      appointmentTypeId: chosenType,
      fromDate,
      limit: 24,
      patientId: contact.patientId,
      ...(doctorId ? { doctorId } : {}),
    }).then((answer) => {
      if (!live) return;
      if (answer.ok) setSlots(answer.value.slots);
      else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [chosenType, doctorId, fromDate, contact.patientId]);

  useEffect(() => {
    firstSlot.current?.focus();
  }, [slots]);

  const book = async (slot: AvailableSlot) => {
    setBooking(true);
    setError(null);
    const answer = await invoke('appointments.book', {
      patientId: contact.patientId,
      doctorId: slot.doctorId,
      appointmentTypeId: chosenType,
      startsAt: slot.startsAt,
      ...(slot.roomId ? { roomId: slot.roomId } : {}),
      idempotencyKey: idempotencyKey.current,
    });
    setBooking(false);
    if (answer.ok) onBooked(answer.value.id);
    else setError(answer.error);
  };

  const byDay = new Map<IsoDate, AvailableSlot[]>();
  for (const s of slots ?? []) {
    const day = instantToLocalDate(s.startsAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }

  return (
    <section className="rc-slots" data-testid="slot-picker" aria-label={t('book.title', { name: contact.name })}>
      <header className="rc-slots__head">
        <h3>{t('book.title', { name: contact.name })}</h3>
        <button type="button" className="btn" onClick={onClose}>
          {t('book.close')}
        </button>
      </header>
      <div className="rc-field-row rc-field-row--wrap">
        <label className="rc-field">
          <span>{t('book.type')}</span>
          <select value={chosenType} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} · {a.durationMinutes} min
              </option>
            ))}
          </select>
        </label>
        <label className="rc-field">
          <span>{t('book.doctor')}</span>
          <OptionalSelect
            value={doctorId}
            onChange={setDoctorId}
            none={t('book.anyDoctor')}
            items={(settings?.doctors ?? []).filter((d) => d.active)}
            labelOf={doctorName}
          />
        </label>
        <label className="rc-field">
          <span>{t('book.from')}</span>
          <DateField className="" required min={today} value={fromDate} onChange={setFromDate} />
        </label>
      </div>
      {error ? <p className="rc-form-error" role="alert">{t('recalls.actionError', { message: errText(error) })}</p> : null}
      <div className="rc-slots__list" aria-busy={slots === null || booking}>
        {slots === null ? <p className="rc-muted">{t('book.searching')}</p> : null}
        {slots && slots.length === 0 ? <p className="rc-muted">{t('book.none')}</p> : null}
        {[...byDay].map(([day, daySlots], dayIndex) => (
          <div key={day} className="rc-slots__day">
            <span className="rc-slots__date">{formatDay(day, 'short')}</span>
            <div className="rc-slots__times">
              {daySlots.map((s, i) => (
                <button
                  key={`${s.doctorId}-${s.startsAt}`}
                  ref={dayIndex === 0 && i === 0 ? firstSlot : undefined}
                  type="button"
                  className="rc-slot"
                  disabled={booking}
                  data-testid="free-slot"
                  title={`${s.doctorName}${s.roomName ? ` · ${s.roomName}` : ''}`}
                  onClick={() => void book(s)}
                >
                  <strong>{formatTime(s.startsAt, timeZone)}</strong>
                  <span>{s.doctorName}</span>
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
