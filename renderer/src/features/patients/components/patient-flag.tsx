import { useEffect, useState } from 'react';
import { MANAGERS } from '../../../../../shared/command-roles.ts';
import type { PatientDetail } from '../../../../../shared/domain/booking-types.ts';
import type { MessageKey } from '../../../../../shared/i18n/index.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useActingRole } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './patient-flag.css';

type Done = 'doneSet' | 'doneClear' | 'doneReason';

/** Words for a refused flag change, from the error's code, field and details.reason. */
function refusal(e: CommandErrorData): MessageKey {
  if (e.code === 'forbidden') return 'patientFlag.managersOnly';
  if (e.field === 'blockedReason') return e.details?.reason === 'required' ? 'patientFlag.reasonRequired' : 'patientFlag.reasonTooLong';
  return 'patientFlag.failed';
}

/**
 * The patient's blocked flag: everyone sees it and its reason; managers and admins flag (a reason
 * is required), change the reason and clear it. Booking a flagged patient asks first. The
 * patient query refreshes on the 'patients' change this makes.
 */
export function PatientFlag({ patient }: { patient: PatientDetail }) {
  const { t } = useI18n();
  const role = useActingRole();
  const update = useCommandMutation('patients.update');
  const canChange = !!role && MANAGERS.includes(role);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  // Another person at the desk starts with no half-typed reason and no earlier outcome.
  useEffect(() => {
    setEditing(false);
    setError(null);
    setDone(null);
  }, [role]);

  const send = async (input: { blocked?: boolean; blockedReason?: string }, outcome: Done) => {
    setError(null);
    setDone(null);
    const answer = await update.run({ id: patient.id, ...input });
    if (!answer) return;
    if (!answer.ok) return setError(refusal(answer.error));
    setEditing(false);
    setDone(outcome);
  };

  const open = () => {
    setReason(patient.blockedReason ?? '');
    setError(null);
    setDone(null);
    setEditing(true);
  };

  return (
    <section className={`patient-flag${patient.blocked ? ' patient-flag--on' : ''}`} aria-label={t('patientFlag.title')} data-testid="patient-flag">
      <p className="patient-flag__state" data-testid="patient-flag-state">
        {patient.blocked ? t('patientFlag.flagged', { reason: patient.blockedReason ?? '' }) : t('patientFlag.notFlagged')}
      </p>
      {editing ? (
        <form
          className="patient-flag__form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(patient.blocked ? { blockedReason: reason } : { blocked: true, blockedReason: reason }, patient.blocked ? 'doneReason' : 'doneSet');
          }}
        >
          <label className={`field${error === 'patientFlag.reasonRequired' ? ' field--error' : ''}`}>
            <span>{t('patientFlag.reason')}</span>
            <input
              className="input"
              data-testid="patient-flag-reason"
              value={reason}
              maxLength={500}
              autoFocus
              aria-invalid={error === 'patientFlag.reasonRequired'}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setEditing(false);
                }
              }}
            />
          </label>
          <button type="submit" className="btn btn--primary" data-testid="patient-flag-confirm">
            {patient.blocked ? t('patientFlag.saveReason') : t('patientFlag.confirmSet')}
          </button>
          <button type="button" className="btn" onClick={() => setEditing(false)}>
            {t('patientFlag.cancel')}
          </button>
        </form>
      ) : canChange ? (
        <div className="patient-flag__actions">
          {patient.blocked ? (
            <>
              <button type="button" className="btn" onClick={open} data-testid="patient-flag-edit">
                {t('patientFlag.editReason')}
              </button>
              <button type="button" className="btn" onClick={() => void send({ blocked: false }, 'doneClear')} data-testid="patient-flag-clear">
                {t('patientFlag.clear')}
              </button>
            </>
          ) : (
            <button type="button" className="btn" onClick={open} data-testid="patient-flag-set">
              {t('patientFlag.set')}
            </button>
          )}
        </div>
      ) : (
        <p className="muted patient-flag__note">{t('patientFlag.managersOnly')}</p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="patient-flag-error">
          {t(error)}
        </p>
      )}
      {done && (
        <p className="muted" role="status" data-testid="patient-flag-done">
          {t(`patientFlag.${done}`)}
        </p>
      )}
    </section>
  );
}
