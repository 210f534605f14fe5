import { useI18n } from '../i18n/use-i18n.ts';

interface FormFooterProps {
  /** The failure to show above the buttons (already worded), or null. */
  error: string | null;
  saving: boolean;
  onCancel: () => void;
  submitLabel: string;
  /** Shown on the submit button while saving; the submit label stays when omitted. */
  savingLabel?: string;
  tone?: 'primary' | 'danger';
  submitTestId?: string;
}

/** The end of a dialog form: its error, Cancel, and the submit button that waits while saving. */
export function FormFooter({ error, saving, onCancel, submitLabel, savingLabel, tone = 'primary', submitTestId }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('tp.cancel')}
        </button>
        <button type="submit" className={`btn btn--${tone}`} disabled={saving} data-testid={submitTestId}>
          {saving && savingLabel ? savingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
