import { useEffect, useRef } from 'react';
import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import type { GuardedWrite } from '../hooks/use-guarded-write.ts';
import './orphan-warning.css';

/** "These appointments would be affected — save anyway?" for one guarded write. */
export function OrphanWarning({ write, timeZone }: { write: GuardedWrite; timeZone: string }) {
  const { t, formatDay, formatTime } = useI18n();
  const keepRef = useRef<HTMLButtonElement>(null);
  const shown = write.orphans !== null;
  useEffect(() => {
    // Focus the safe choice, so Enter never saves by accident.
    if (shown) keepRef.current?.focus();
  }, [shown]);
  if (!write.orphans) return null;
  return (
    <div
      className="duplicates orphans"
      role="alertdialog"
      aria-labelledby="orphans-title"
      data-testid="orphans"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          write.dismiss();
        }
      }}
    >
      <p className="duplicates__title" id="orphans-title">
        {t('avail.orphansTitle')} ({write.orphans.length})
      </p>
      <ul>
        {write.orphans.slice(0, 12).map((o) => (
          <li key={o.id} data-testid="orphan">
            <span>
              {formatDay(instantToLocalDate(o.startsAt, timeZone), 'short')} {formatTime(o.startsAt, timeZone)} · <strong>{o.patientName}</strong> ·{' '}
              {o.doctorName}
            </span>
          </li>
        ))}
        {write.orphans.length > 12 && <li className="muted">{t('avail.andMore', { n: write.orphans.length - 12 })}</li>}
      </ul>
      <p className="orphans__ask">{t('avail.orphansAsk')}</p>
      <div className="form-actions">
        <button type="button" className="btn" ref={keepRef} onClick={write.dismiss} data-testid="keep">
          {t('avail.keep')}
        </button>
        <button type="button" className="btn btn--primary" disabled={write.busy} onClick={() => void write.confirm()} data-testid="save-anyway">
          {t('avail.saveAnyway')}
        </button>
      </div>
    </div>
  );
}
