import { usePatientBalance } from '../hooks/use-patient-balance.ts';
import { useMoneyFormat } from '../hooks/use-money-format.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useNav } from '../app/nav-store.ts';
import { useMoneyFocus } from '../stores/money-focus.ts';
import { useErrorText } from '../i18n/error-text.ts';
import './patient-money-summary.css';

interface Props {
  patientId: string;
  /** Show the "Plans & payments" link (not on the money screen itself). */
  withLink?: boolean;
  compact?: boolean;
}

/**
 * Balance, overdue amount, next due installment and credit of one patient. The layout keeps its
 * size while loading, so the panel around it does not jump.
 */
export function PatientMoneySummary({ patientId, withLink, compact }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const { state } = usePatientBalance(patientId);
  const show = useNav((s) => s.show);
  const setPatient = useMoneyFocus((s) => s.setPatient);
  const b = state.data;
  const dash = '—';
  const money = (cents: number) => (b ? f.money(cents, b.currency) : dash);

  return (
    <section
      className={`money-summary${compact ? ' money-summary--compact' : ''}`}
      aria-label={t('money.summary')}
      data-testid="money-summary"
      aria-busy={!b}
    >
      {state.status === 'error' && !b && (
        <p className="money-summary__error" role="alert">
          {t('money.error', { message: errText(state.error) })}
        </p>
      )}
      <dl className="money-summary__grid">
        <div className="money-summary__item" data-testid="money-balance">
          <dt>{t('money.balance')}</dt>
          <dd>{money(b?.balanceCents ?? 0)}</dd>
        </div>
        <div className={`money-summary__item${b && b.overdueCents > 0 ? ' money-summary__item--alert' : ''}`} data-testid="money-overdue">
          <dt>{t('money.overdue')}</dt>
          <dd>{money(b?.overdueCents ?? 0)}</dd>
        </div>
        <div className="money-summary__item money-summary__item--wide" data-testid="money-next-due">
          <dt>{t('money.nextDue')}</dt>
          <dd>
            {!b
              ? dash
              : b.nextDue
                ? t('money.nextDueOn', { amount: money(b.nextDue.amountCents), date: f.date(b.nextDue.dueDate) })
                : t('money.nothingDue')}
          </dd>
        </div>
        {(!compact || (b && b.creditCents > 0)) && (
          <div className="money-summary__item" data-testid="money-credit">
            <dt>{t('money.credit')}</dt>
            <dd>{money(b?.creditCents ?? 0)}</dd>
          </div>
        )}
      </dl>
      {withLink && (
        <button
          type="button"
          className="btn btn--link"
          onClick={() => {
            setPatient(patientId);
            show('money');
          }}
          data-testid="open-money"
        >
          {t('money.openPlans')} →
        </button>
      )}
    </section>
  );
}
