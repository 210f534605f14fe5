import { RECALL_OUTCOMES, type RecallOutcome } from '../../../../../shared/domain/recall-queue.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './outcome-buttons.css';

/** One button per outcome, numbered 1–7 in RECALL_OUTCOMES order (the work queue maps the keys). */
export function OutcomeButtons({
  disabled,
  selected,
  onChoose,
}: {
  disabled: boolean;
  selected: RecallOutcome | null;
  onChoose(outcome: RecallOutcome): void;
}) {
  const { t } = useI18n();
  return (
    <div className="rc-outcomes" role="group" aria-label={t('queue.outcome')}>
      <span className="rc-outcomes__label">{t('queue.outcome')}</span>
      <div className="rc-outcomes__grid">
        {RECALL_OUTCOMES.map((o, i) => (
          <button
            key={o}
            type="button"
            className={`btn rc-outcome-btn rc-outcome-btn--${o}`}
            aria-pressed={selected === o}
            aria-keyshortcuts={String(i + 1)}
            disabled={disabled}
            data-outcome={o}
            onClick={() => onChoose(o)}
          >
            <kbd>{i + 1}</kbd>
            {o === 'booked' ? t('queue.book') : t(`outcome.${o}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
