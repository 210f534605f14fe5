import { useEffect, useMemo, useState } from 'react';
import type { PatientAppointment, PatientDetail, PreferredChannel } from '../../../../../shared/domain/booking-types.ts';
import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';
import { usePatient } from '../../../hooks/use-patient.ts';
import { PatientMoneySummary } from '../../../components/patient-money-summary.tsx';
import { PatientRecalls } from '../../../components/patient-recalls.tsx';
import { NationalIdReveal } from '../../../components/national-id-reveal.tsx';
import { PatientFlag } from './patient-flag.tsx';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import './patient-detail.css';

const TEXT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'birthDate', 'nationalId'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const CHANNELS: PreferredChannel[] = ['phone', 'sms', 'whatsapp', 'email'];

interface Draft extends Record<TextField, string> {
  preferredChannel: PreferredChannel;
  optOut: boolean;
  notes: string;
}

const toDraft = (p: PatientDetail): Draft => ({
  firstName: p.firstName,
  lastName: p.lastName,
  phone: p.phone ?? '',
  email: p.email ?? '',
  birthDate: p.birthDate ?? '',
  // The id arrives masked: the field is only for typing a new one (blank keeps the current one).
  nationalId: '',
  preferredChannel: p.preferredChannel,
  optOut: p.optOut,
  notes: p.notes ?? '',
});

/** One patient: editable details and contact preferences, upcoming and past appointments. */
export function PatientDetailPanel({ id, timeZone }: { id: string; timeZone: string }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const { state } = usePatient(id);
  const appts = useCommandQuery('patients.appointments', useMemo(() => ({ patientId: id }), [id])).state.data;
  const update = useCommandMutation('patients.update');
  const openBooking = useBookingUi((s) => s.openBooking);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const patient = state.data;

  useEffect(() => {
    if (patient && !draft) setDraft(toDraft(patient));
  }, [patient, draft]);

  if (!patient || !draft) return <p className="state">{state.status === 'error' ? errText(state.error) : t('app.loading')}</p>;

  const label: Record<TextField, string> = {
    firstName: t('patients.firstName'),
    lastName: t('patients.lastName'),
    phone: t('patients.phone'),
    email: t('patients.email'),
    birthDate: t('patients.birthDate'),
    nationalId: t('patients.nationalId'),
  };

  const save = async () => {
    setError(null);
    setSaved(false);
    const { nationalId, ...rest } = draft;
    const answer = await update.run({ id, ...rest, ...(nationalId.trim() ? { nationalId } : {}) });
    if (!answer) return;
    if (!answer.ok) setError(answer.error);
    else {
      setDraft(toDraft(answer.value));
      setSaved(true);
    }
  };

  return (
    <div className="patient" data-testid="patient-detail">
      <header className="patient__head">
        <h2>
          {patient.firstName} {patient.lastName}
          {patient.blocked && <span className="tag tag--danger">{t('patients.blocked')}</span>}
        </h2>
        <button type="button" className="btn btn--primary" onClick={() => openBooking({ patientId: id })} data-testid="book-for-patient">
          {t('patients.book')}
        </button>
      </header>
      <PatientFlag key={patient.id} patient={patient} />
      <PatientMoneySummary patientId={id} withLink />
      {patient.nationalId && <NationalIdReveal patientId={id} masked={patient.nationalId} />}
      <form
        className="patient__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label={t('patients.details')}
      >
        <div className="form-grid">
          {TEXT_FIELDS.map((f) => (
            <label key={f} className={`field${error?.field === f ? ' field--error' : ''}`}>
              <span>{label[f]}</span>
              {f === 'birthDate' ? (
                <DateField name={f} value={draft[f]} aria-invalid={error?.field === f} onChange={(v) => setDraft({ ...draft, [f]: v })} />
              ) : (
                <input
                  className="input"
                  name={f}
                  type={f === 'email' ? 'email' : 'text'}
                  value={draft[f]}
                  placeholder={f === 'nationalId' && patient.nationalId ? t('patients.nationalIdKeep') : undefined}
                  aria-invalid={error?.field === f}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                />
              )}
            </label>
          ))}
          <label className={`field${error?.field === 'preferredChannel' ? ' field--error' : ''}`}>
            <span>{t('patients.channel')}</span>
            <select className="input" value={draft.preferredChannel} onChange={(e) => setDraft({ ...draft, preferredChannel: e.target.value as PreferredChannel })}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`patients.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--check field--wide">
            <input type="checkbox" checked={draft.optOut} onChange={(e) => setDraft({ ...draft, optOut: e.target.checked })} />
            {t('patients.optOut')}
          </label>
          <label className="field field--full">
            <span>{t('patients.notes')}</span>
            <textarea className="input" rows={3} value={draft.notes} maxLength={2000} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
          </label>
        </div>
        <div className="form-actions">
          {error && (
            <p className="form-error" role="alert" data-testid="patient-error">
              {errText(error)}
            </p>
          )}
          {saved && <span className="muted" role="status">{t('patients.saved')}</span>}
          <button type="submit" className="btn btn--primary" data-testid="patient-save">
            {t('patients.save')}
          </button>
        </div>
      </form>
      <PatientRecalls patientId={id} />
      <AppointmentList title={t('patients.upcoming')} list={appts?.upcoming ?? []} timeZone={timeZone} />
      <AppointmentList title={t('patients.past')} list={appts?.past ?? []} timeZone={timeZone} />
    </div>
  );
}

function AppointmentList({ title, list, timeZone }: { title: string; list: PatientAppointment[]; timeZone: string }) {
  const { t, formatDay, formatTime } = useI18n();
  return (
    <section className="patient__appts" aria-label={title}>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('patients.none')}</p>
      ) : (
        <table className="patient__table">
          <tbody>
            {list.map((a) => (
              <tr key={a.id} className={a.status === 'cancelled' || a.status === 'no_show' ? 'is-closed' : ''}>
                <td>
                  {formatDay(instantToLocalDate(a.startsAt, timeZone), 'short')} {formatTime(a.startsAt, timeZone)}
                </td>
                <td>{a.doctorName}</td>
                <td>{a.typeName ?? ''}</td>
                <td>{t(`status.${a.status}`)}</td>
                <td className="muted">{a.cancelReason ?? a.notes ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
