import { useState, type KeyboardEvent } from 'react';
import type { DuplicateCandidate, PatientDetail, PatientSummary } from '../../../../../shared/domain/booking-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import { useBirthDate } from '../../../hooks/use-birth-date.ts';
import './new-patient-form.css';

interface Props {
  initialName: string;
  onCreated(patient: PatientDetail | PatientSummary): void;
  onCancel(): void;
}

const FIELDS = ['firstName', 'lastName', 'phone', 'birthDate', 'email', 'nationalId'] as const;
type Field = (typeof FIELDS)[number];

function splitName(text: string): { firstName: string; lastName: string } {
  const words = text.trim().split(/\s+/).filter((w) => !/\d/.test(w));
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

/** Inline new patient: validated by the command; likely duplicates are shown before creating. */
export function NewPatientForm({ initialName, onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const birth = useBirthDate();
  const announceAction = useBookingUi((s) => s.announceAction);
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    ...splitName(initialName),
    phone: /\d{3}/.test(initialName) ? initialName.replace(/[^\d+ ]/g, '').trim() : '',
    birthDate: '',
    email: '',
    nationalId: '',
  }));
  const [error, setError] = useState<CommandErrorData | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const create = useCommandMutation('patients.create');
  const saving = create.saving;

  const submit = async (confirmDuplicate: boolean) => {
    setError(null);
    const answer = await create.run({ ...values, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) });
    if (!answer) return;
    if (answer.ok) {
      announceAction();
      onCreated(answer.value);
      return;
    }
    const found = answer.error.details?.duplicates as DuplicateCandidate[] | undefined;
    if (answer.error.code === 'conflict' && found) setDuplicates(found);
    else setError(answer.error);
  };

  // Not a <form>: it sits inside the booking dialog's form, and forms must not nest.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      e.stopPropagation();
      void submit(false);
    }
  };

  const label: Record<Field, string> = {
    firstName: t('patients.firstName'),
    lastName: t('patients.lastName'),
    phone: t('patients.phone'),
    birthDate: t('patients.birthDate'),
    email: t('patients.email'),
    nationalId: t('patients.nationalId'),
  };

  return (
    <div className="new-patient" role="group" aria-label={t('booking.newPatient')} onKeyDown={onKeyDown} data-testid="new-patient-form">
      <div className="form-grid">
        {FIELDS.map((f) => (
          <label key={f} className={`field${error?.field === f ? ' field--error' : ''}`}>
            <span>
              {label[f]}
              {(f === 'firstName' || f === 'lastName') && <span aria-hidden="true"> *</span>}
            </span>
            {f === 'birthDate' ? (
              <DateField
                name={f}
                value={values[f]}
                aria-invalid={error?.field === f}
                onChange={(v) => {
                  setValues((vs) => ({ ...vs, [f]: v }));
                  setDuplicates([]);
                }}
              />
            ) : (
            <input
              className="input"
              name={f}
              type={f === 'email' ? 'email' : 'text'}
              value={values[f]}
              autoFocus={f === 'firstName'}
              aria-invalid={error?.field === f}
              required={f === 'firstName' || f === 'lastName'}
              onChange={(e) => {
                setValues((v) => ({ ...v, [f]: e.target.value }));
                setDuplicates([]);
              }}
            />
            )}
          </label>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="new-patient-error">
          {error.field && error.field in label ? `${label[error.field as Field]}: ` : ''}
          {errText(error, false)}
        </p>
      )}
      {duplicates.length > 0 && (
        <div className="duplicates" role="alert" data-testid="duplicates">
          <p className="duplicates__title">{t('booking.duplicatesTitle')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <span>
                  <strong>
                    {d.firstName} {d.lastName}
                  </strong>{' '}
                  {[d.phone, birth(d.birthDate)].filter(Boolean).join(' · ')}
                  <span className="duplicates__why"> ({d.reasons.map((r) => t(`booking.dup.${r}`)).join(', ')})</span>
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() =>
                    onCreated({
                      id: d.id,
                      firstName: d.firstName,
                      lastName: d.lastName,
                      birthDate: d.birthDate,
                      phone: d.phone,
                      email: null,
                      nationalId: null,
                      preferredChannel: 'phone',
                      optOut: false,
                      blocked: false,
                    })
                  }
                >
                  {t('booking.useExisting')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => void submit(true)} disabled={saving} data-testid="create-anyway">
            {t('booking.createAnyway')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('booking.back')}
        </button>
        <button type="button" className="btn btn--primary" disabled={saving} onClick={() => void submit(false)} data-testid="create-patient">
          {t('booking.createPatient')}
        </button>
      </div>
    </div>
  );
}
