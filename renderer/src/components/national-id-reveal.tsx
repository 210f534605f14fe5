import { useState } from 'react';
import { useRevealNationalId } from '../data/patient-commands.ts';
import { useActingRole } from '../hooks/use-can.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useErrorText } from '../i18n/error-text.ts';
import './national-id-reveal.css';

/**
 * The masked national id with a Reveal button. Managers and admins reveal at once; a receptionist
 * says why first. Every reveal is audited in main ('patients.revealNationalId').
 */
export function NationalIdReveal({ patientId, masked }: { patientId: string; masked: string }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const role = useActingRole();
  const revealNationalId = useRevealNationalId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsReason = role === 'receptionist';

  const reveal = async () => {
    if (needsReason && !asking) return setAsking(true);
    const a = await revealNationalId({ id: patientId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (!a.ok) return setError(errText(a.error));
    setError(null);
    setAsking(false);
    setReason('');
    setValue(a.value.nationalId);
  };

  return (
    <div className="national-id" data-testid="national-id">
      <span className="national-id__label">{t('patients.nationalId')}</span>
      <output className="national-id__value" data-testid="national-id-value">
        {value ?? masked}
      </output>
      {value ? (
        <button type="button" className="btn btn--small" onClick={() => setValue(null)}>
          {t('patients.hide')}
        </button>
      ) : (
        <button type="button" className="btn btn--small" onClick={() => void reveal()} data-testid="national-id-reveal" title={t('patients.revealHint')}>
          {t('patients.reveal')}
        </button>
      )}
      {asking && (
        <span className="national-id__reason">
          <input
            className="input"
            placeholder={t('patients.revealReason')}
            aria-label={t('patients.revealReason')}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void reveal();
              }
            }}
            data-testid="national-id-reason"
          />
          <button type="button" className="btn btn--small btn--primary" disabled={reason.trim().length < 3} onClick={() => void reveal()} data-testid="national-id-confirm">
            {t('patients.reveal')}
          </button>
        </span>
      )}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
