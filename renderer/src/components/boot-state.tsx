import { useI18n } from '../i18n/use-i18n.ts';

/** The whole-window "Loading…" while the app starts, or why it could not load, with Retry. */
export function BootState({ error, onRetry }: { error?: { message: string } | null; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="boot" role={error ? 'alert' : 'status'}>
      {error ? (
        <>
          <p>{t('app.loadError', { message: error.message })}</p>
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
