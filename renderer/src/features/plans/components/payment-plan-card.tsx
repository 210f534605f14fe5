import { useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { PaymentPlanDetail } from '../../../../../shared/domain/plan-types.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { PaymentPlanChange } from './payment-plan-change.tsx';
import { ScheduleTable } from './schedule-table.tsx';

interface Props {
  plan: PaymentPlanDetail;
  today: IsoDate;
  /** Title of the treatment plan it pays for, if any. */
  treatmentTitle: string | null;
}

/** One payment plan: its terms, totals and installments with their status; change the unpaid part. */
export function PaymentPlanCard({ plan, today, treatmentTitle }: Props) {
  const { t } = useI18n();
  const f = useMoneyFormat();
  const [changing, setChanging] = useState(false);
  const c = plan.currency;
  const frequency = t(`pp.freq.${plan.frequency}`).toLowerCase();
  const terms = plan.installmentCount
    ? t('pp.terms', { principal: f.money(plan.principalCents, c), count: plan.installmentCount, frequency, apr: f.percent(plan.aprBp) })
    : t('pp.termsAmount', { principal: f.money(plan.principalCents, c), amount: f.money(plan.installmentAmountCents ?? 0, c), frequency, apr: f.percent(plan.aprBp) });

  return (
    <article className="card" data-testid="payment-plan" data-plan-id={plan.id} data-status={plan.status}>
      <header className="card__header">
        <div className="card__title">
          <h3>{terms}</h3>
          <span className={`pill pill--pp-${plan.status}`}>{t(`pp.status.${plan.status}`)}</span>
        </div>
        <div className="card__actions">
          {plan.status === 'active' && (
            <button type="button" className="btn btn--small" onClick={() => setChanging(true)} data-testid="pp-change">
              {t('pp.change')}
            </button>
          )}
        </div>
      </header>
      <div className="card__meta">
        <span data-testid="pp-totals">
          {t('pp.totals', { paid: f.money(plan.paidCents, c), total: f.money(plan.totalCents, c), remaining: f.money(plan.remainingCents, c) })}
        </span>
        {treatmentTitle && <span className="muted">{t('pp.forPlan', { title: treatmentTitle })}</span>}
      </div>
      <ScheduleTable currency={c} rows={plan.installments} today={today} testId="pp-installments" />
      {changing && <PaymentPlanChange plan={plan} today={today} onClose={() => setChanging(false)} />}
    </article>
  );
}
