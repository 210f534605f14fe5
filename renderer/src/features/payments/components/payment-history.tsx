import { useState } from 'react';
import type { PaymentView } from '../../../../../shared/domain/plan-types.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { usePayments } from '../api/use-payments.ts';
import { ReasonDialog } from './reason-dialog.tsx';
import './payment-history.css';

interface Props {
  patientId: string;
  currency: string;
  timeZone: string;
  creditCents: number;
  onReceipt(paymentId: string): void;
}

/** Payments, refunds and voids of a patient, newest first, with void / refund / receipt. */
export function PaymentHistory({ patientId, currency, timeZone, creditCents, onReceipt }: Props) {
  const { t } = useI18n();
  const f = useMoneyFormat();
  const { state } = usePayments(patientId);
  const [voiding, setVoiding] = useState<PaymentView | null>(null);
  const [refunding, setRefunding] = useState(false);
  const rows = state.data ?? [];

  return (
    <section className="pay-history" aria-labelledby="pay-history-title">
      <header className="section-head">
        <h3 id="pay-history-title">{t('pay.history')}</h3>
        {creditCents > 0 && (
          <button type="button" className="btn btn--small" onClick={() => setRefunding(true)} data-testid="pay-refund">
            {t('pay.refund')}
          </button>
        )}
      </header>
      {state.status === 'ready' && rows.length === 0 && <p className="muted">{t('pay.none')}</p>}
      <ul className="pay-list" data-testid="payment-list">
        {rows.map((p) => (
          <li key={p.id} className={`pay-item pay-item--${p.kind}${p.voided ? ' pay-item--voided' : ''}`} data-testid="payment-row" data-kind={p.kind} data-voided={p.voided}>
            <div className="pay-item__main">
              <span className="pay-item__amount">
                {p.kind === 'payment' ? '' : '−'}
                {f.money(p.amountCents, p.currency)}
              </span>
              <span className="pay-item__kind">
                {t(`pay.kind.${p.kind}`)} · {t(`pay.method.${p.method}`)}
                {p.voided && <span className="pill pill--voided">{t('pay.voided')}</span>}
              </span>
            </div>
            <div className="pay-item__meta muted">
              {f.instant(p.receivedAt, timeZone)}
              {p.receivedByName ? ` · ${t('pay.by', { name: p.receivedByName })}` : ''}
              {p.reason ? ` · ${p.reason}` : ''}
            </div>
            <div className="pay-item__tools">
              {p.kind === 'payment' && (
                <button type="button" className="btn btn--small btn--quiet" onClick={() => onReceipt(p.id)} data-testid="pay-receipt">
                  {t('pay.receipt')}
                </button>
              )}
              {p.kind === 'payment' && !p.voided && (
                <button type="button" className="btn btn--small btn--danger-quiet" onClick={() => setVoiding(p)} data-testid="pay-void">
                  {t('pay.void')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {voiding && (
        <ReasonDialog kind="void" title={t('pay.voidTitle', { amount: f.money(voiding.amountCents, voiding.currency) })} paymentId={voiding.id} onClose={() => setVoiding(null)} />
      )}
      {refunding && (
        <ReasonDialog
          kind="refund"
          title={t('pay.refundTitle', { amount: f.money(creditCents, currency) })}
          patientId={patientId}
          currency={currency}
          maxCents={creditCents}
          onClose={() => setRefunding(false)}
        />
      )}
    </section>
  );
}
