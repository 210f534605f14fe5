import { useMemo, useState } from 'react';
import { instantToLocalDate, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { TreatmentStep } from '../../../../../shared/domain/plan-types.ts';
import type { AvailableSlot } from '../../../../../shared/domain/booking-types.ts';
import { invoke } from '../../../api.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useClinicSettings } from '../api/use-plans.ts';
import { doctorName, OptionalSelect } from '../../../components/optional-select.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import './step-slot-picker.css';

interface Props {
  step: TreatmentStep;
  patientId: string;
  timeZone: string;
  today: IsoDate;
  onClose(): void;
}

const SLOT_LIMIT = 12;

/**
 * Books one step: free times from the slot finder for the step's type and doctor, one click to
 * book the appointment and link it to the step.
 */
export function StepSlotPicker({ step, patientId, timeZone, today, onClose }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const settings = useClinicSettings().state.data;
  const types = settings?.appointmentTypes.filter((ty) => ty.active) ?? [];
  const doctors = settings?.doctors.filter((d) => d.active) ?? [];
  const [typeId, setTypeId] = useState(step.appointmentTypeId ?? '');
  const [doctorId, setDoctorId] = useState(step.doctorId ?? '');
  const [fromDate, setFromDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const type = typeId || types[0]?.id || '';

  const input = useMemo(
    () => (type ? { appointmentTypeId: type, fromDate, limit: SLOT_LIMIT, patientId, ...(doctorId ? { doctorId } : {}) } : null),
    [type, fromDate, patientId, doctorId],
  );
  const { state } = useCommandQuery('availability.findFree', input, { refreshOn: ['appointments'] });
  const slots = state.data?.slots ?? [];

  const book = async (slot: AvailableSlot) => {
    setBusy(true);
    setError(null);
    const booked = await invoke('appointments.book', {
      patientId,
      doctorId: slot.doctorId,
      appointmentTypeId: type,
      startsAt: slot.startsAt,
      ...(slot.roomId ? { roomId: slot.roomId } : {}),
      notes: step.tooth ? `${step.procedure} (${step.tooth})` : step.procedure,
      idempotencyKey: `step-${step.id}-${slot.startsAt}`,
    });
    const linked = booked.ok ? await invoke('treatmentPlans.linkAppointment', { stepId: step.id, appointmentId: booked.value.id }) : booked;
    setBusy(false);
    if (!linked.ok) setError(errText(linked.error));
    else onClose();
  };

  return (
    <div className="slot-picker" data-testid="slot-picker" role="group" aria-label={t('tp.bookStep', { procedure: step.procedure })}>
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
        <button type="button" className="btn btn--icon slot-picker__close" onClick={onClose} aria-label={t('slot.close')}>
          ×
        </button>
      </div>
      <div className="slot-picker__slots" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && slots.length === 0 && <p className="muted">{t('slot.searching')}</p>}
        {state.status === 'error' && <p className="form__error">{t('slot.error', { message: errText(state.error) })}</p>}
        {state.status === 'ready' && slots.length === 0 && <p className="muted">{t('slot.none')}</p>}
        {slots.length > 0 && <span className="muted">{t('slot.pick')}</span>}
        {slots.map((slot) => {
          const day = formatDay(instantToLocalDate(slot.startsAt, timeZone), 'short');
          const time = formatTime(slot.startsAt, timeZone);
          return (
            <button
              key={`${slot.doctorId}-${slot.startsAt}`}
              type="button"
              className="btn slot-btn"
              disabled={busy}
              onClick={() => void book(slot)}
              data-testid="free-slot"
              data-starts-at={slot.startsAt}
            >
              {t('slot.slotLabel', { day, time, doctor: slot.doctorName })}
            </button>
          );
        })}
      </div>
      {busy && <p className="muted">{t('slot.booking')}</p>}
      {error && (
        <p className="form__error" role="alert">
          {t('slot.error', { message: error })}
        </p>
      )}
    </div>
  );
}
