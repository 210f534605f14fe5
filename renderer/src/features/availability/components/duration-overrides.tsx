import { useState, type FormEvent } from 'react';
import type { AppointmentTypeView, AvailabilitySettings, DoctorView } from '../../../../../shared/domain/availability-admin-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useSetDuration } from '../api/availability-writes.ts';
import { bareMessage, useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { FieldError } from './field-error.tsx';
import { parseMinutes } from './type-form.tsx';
import './duration-overrides.css';

/** One type's duration per doctor; empty means the type's default. Existing bookings keep their length. */
export function DurationOverrides({ type, settings }: { type: AppointmentTypeView; settings: AvailabilitySettings }) {
  const { t } = useI18n();
  const doctors = settings.doctors.filter((d) => d.active);
  return (
    <div className="durations" data-testid="durations" aria-label={t('avail.durationsFor', { name: type.name })} role="group">
      <p className="muted editor__hint">{t('avail.overrideHint', { minutes: type.durationMinutes })}</p>
      <ul className="durations__list">
        {doctors.map((d) => {
          const own = settings.durationOverrides.find((o) => o.doctorId === d.id && o.appointmentTypeId === type.id);
          return <DoctorDuration key={`${d.id}:${own?.durationMinutes ?? ''}`} doctor={d} type={type} current={own?.durationMinutes ?? null} />;
        })}
      </ul>
    </div>
  );
}

function DoctorDuration({ doctor, type, current }: { doctor: DoctorView; type: AppointmentTypeView; current: number | null }) {
  const { t } = useI18n();
  const [value, setValue] = useState(current === null ? '' : String(current));
  const [error, setError] = useState<string | null>(null);
  const setDuration = useSetDuration();
  const write = useGuardedWrite();
  const id = `dur-${type.id}-${doctor.id}`;
  const dirty = value.trim() !== (current === null ? '' : String(current));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = value.trim() === '' ? null : parseMinutes(value);
    if (value.trim() !== '' && minutes === null) {
      setError(t('avail.err.duration'));
      return;
    }
    setError(null);
    await write.run(() => setDuration({ doctorId: doctor.id, appointmentTypeId: type.id, durationMinutes: minutes }));
  };
  const shown = error ?? (write.error ? bareMessage(write.error) : null);

  return (
    <li data-testid="doctor-duration" data-doctor-id={doctor.id}>
      <form className="durations__row" onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor={id} className="durations__doctor">
          <span className="durations__dot" style={{ background: doctor.color }} aria-hidden="true" />
          {doctor.displayName}
        </label>
        <span className={`field durations__field${shown ? ' field--error' : ''}`}>
          <input
            id={id}
            className="input"
            inputMode="numeric"
            placeholder={t('avail.minutesShort', { n: type.durationMinutes })}
            value={value}
            aria-invalid={Boolean(shown)}
            aria-describedby={`${id}-error`}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
          <FieldError id={`${id}-error`} message={shown} />
        </span>
        <span className="durations__state muted">{current === null ? t('avail.default') : t('avail.ownDuration')}</span>
        <button type="submit" className="btn btn--small" disabled={!dirty || write.busy}>
          {t('avail.save')}
        </button>
        {current !== null && (
          <button
            type="button"
            className="btn btn--small"
            disabled={write.busy}
            onClick={() => void write.run(() => setDuration({ doctorId: doctor.id, appointmentTypeId: type.id, durationMinutes: null }))}
          >
            {t('avail.useDefault')}
          </button>
        )}
      </form>
    </li>
  );
}
