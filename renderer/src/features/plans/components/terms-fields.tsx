import { MoneyInput } from '../../../components/money-input.tsx';
import { FREQUENCIES } from '../../../../../shared/domain/plan-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import type { TermsCheck, TermsDraft } from '../lib/terms-draft.ts';
import { DateField } from '../../../components/date-field.tsx';
import './terms-fields.css';

interface Props {
  draft: TermsDraft;
  check: TermsCheck;
  currency: string;
  onChange(patch: Partial<TermsDraft>): void;
  submitted: boolean;
  withDownPayment?: boolean;
}

/** The terms of a payment plan: principal, down payment, APR, split, frequency, first due date. */
export function TermsFields({ draft, check, currency, onChange, submitted, withDownPayment = true }: Props) {
  const { t } = useI18n();
  const e = check.errors;
  return (
    <div className="terms">
      <MoneyInput label={t('pp.principal')} value={draft.principal} currency={currency} onChange={(principal) => onChange({ principal })} showErrors={submitted} testId="pp-principal" />
      {withDownPayment && (
        <MoneyInput
          label={t('pp.downPayment')}
          value={draft.downPayment}
          currency={currency}
          allowZero
          onChange={(downPayment) => onChange({ downPayment })}
          error={e.downPayment ? t(e.downPayment) : null}
          testId="pp-down"
        />
      )}
      <div className={`field${e.apr ? ' field--invalid' : ''}`}>
        <label htmlFor="pp-apr">{t('pp.apr')}</label>
        <input id="pp-apr" inputMode="decimal" value={draft.apr} placeholder="0" onChange={(ev) => onChange({ apr: ev.target.value })} data-testid="pp-apr" />
        <p className="field__error">{e.apr ? t(e.apr) : ''}</p>
      </div>
      <fieldset className="field terms__by">
        <legend>{t('pp.by')}</legend>
        <label>
          <input type="radio" name="pp-by" checked={draft.by === 'count'} onChange={() => onChange({ by: 'count' })} /> {t('pp.byCount')}
        </label>
        <label>
          <input type="radio" name="pp-by" checked={draft.by === 'amount'} onChange={() => onChange({ by: 'amount' })} /> {t('pp.byAmount')}
        </label>
      </fieldset>
      {draft.by === 'count' ? (
        <div className={`field${e.count ? ' field--invalid' : ''}`}>
          <label htmlFor="pp-count">{t('pp.count')}</label>
          <input id="pp-count" inputMode="numeric" value={draft.count} onChange={(ev) => onChange({ count: ev.target.value })} data-testid="pp-count" aria-invalid={e.count ? true : undefined} />
          <p className="field__error" role={e.count ? 'alert' : undefined}>
            {e.count ? t(e.count) : ''}
          </p>
        </div>
      ) : (
        <MoneyInput label={t('pp.amount')} value={draft.amount} currency={currency} onChange={(amount) => onChange({ amount })} showErrors={submitted} testId="pp-amount" />
      )}
      <div className="field">
        <label htmlFor="pp-frequency">{t('pp.frequency')}</label>
        <select id="pp-frequency" value={draft.frequency} onChange={(ev) => onChange({ frequency: ev.target.value as TermsDraft['frequency'] })} data-testid="pp-frequency">
          {FREQUENCIES.map((fq) => (
            <option key={fq} value={fq}>
              {t(`pp.freq.${fq}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${e.firstDueDate ? ' field--invalid' : ''}`}>
        <label htmlFor="pp-first">{t('pp.firstDue')}</label>
        <DateField id="pp-first" className="" value={draft.firstDueDate} onChange={(v) => onChange({ firstDueDate: v })} data-testid="pp-first-due" />
        <p className="field__error">{e.firstDueDate ? t(e.firstDueDate) : ''}</p>
      </div>
    </div>
  );
}
