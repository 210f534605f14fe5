import type { CommandErrorData } from '../../../shared/result.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useErrorText } from '../i18n/error-text.ts';

/** The whole-window "Loading…" while the app starts, or why it could not load, with Retry. */
export function BootState({ error, onRetry }: { error?: CommandErrorData | null; onRetry?: () => void }) {
  const { t } = useI18n();
  const errText = useErrorText();
  return (
    <div className="boot" role={error ? 'alert' : 'status'}>
      {error ? (
        <>
          <p>{t('app.loadError', { message: errText(error) })}</p>
          <button type="button" className="btn" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </>
      ) : (
        <p>{t('app.loading')}</p>
      )}
    </div>
  );
}
