import { useEffect, useState, type FormEvent } from 'react';
import type { AvailabilitySettings } from '../../../../../shared/domain/availability-admin-types.ts';
import { useCan } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useSetStatusLead } from '../api/availability-writes.ts';
import { useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { FieldError } from './field-error.tsx';
import './status-lead-editor.css';

/**
 * The clinic's check-in lead time (statuses that follow the clock): how long before a visit it
 * may be checked in, started or completed. Admins change it; others read it.
 */
export function StatusLeadEditor({ settings }: { settings: AvailabilitySettings }) {
  const { t, language } = useI18n();
  const canChange = useCan('availability.setStatusLead');
  const [value, setValue] = useState(String(settings.statusLeadMinutes));
  const [invalid, setInvalid] = useState(false);
  const setStatusLead = useSetStatusLead();
  const write = useGuardedWrite();
  useEffect(() => setValue(String(settings.statusLeadMinutes)), [settings.statusLeadMinutes]);
  const minutes = new Intl.NumberFormat(language).format(settings.statusLeadMinutes);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    const ok = /^\d{1,3}$/.test(value.trim()) && n <= 720;
    setInvalid(!ok);
    if (ok) await write.run(() => setStatusLead({ minutes: n }));
  };

  return (
    <section className="editor status-lead" data-testid="status-lead-editor" aria-labelledby="status-lead-title">
      <h3 id="status-lead-title">{t('statusLead.title')}</h3>
      <p className="muted editor__hint">{t('statusLead.hint')}</p>
      {canChange ? (
        <form className="closures__form" onSubmit={(e) => void save(e)} noValidate>
          <label className={`field${invalid ? ' field--error' : ''}`}>
            <span>{t('statusLead.label')}</span>
            <input
              className="input"
              name="statusLeadMinutes"
              inputMode="numeric"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setInvalid(false);
              }}
              aria-invalid={invalid}
              aria-describedby="status-lead-error"
            />
            <FieldError id="status-lead-error" message={invalid || write.error ? t('statusLead.err') : undefined} />
          </label>
          <div className="closures__actions">
            <button type="submit" className="btn btn--primary" disabled={write.busy}>
              {t('statusLead.save')}
            </button>
          </div>
        </form>
      ) : (
        <p data-testid="status-lead-value">{t('statusLead.readOnly', { minutes })}</p>
      )}
      {write.saved && (
        <p className="muted" role="status">
          {t('avail.saved')}
        </p>
      )}
    </section>
  );
}
