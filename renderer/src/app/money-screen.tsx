import { useState } from 'react';
import type { TreatmentPlanDetail } from '../../../shared/domain/plan-types.ts';
import type { ScreenProps } from './screen-types.ts';
import { PatientMoneySummary } from '../components/patient-money-summary.tsx';
import { useCommandQuery } from '../data/use-command-query.ts';
import { usePatientBalance } from '../hooks/use-patient-balance.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useMoneyFocus } from '../stores/money-focus.ts';
import { usePaymentPlans, useTreatmentPlans } from '../features/plans/api/use-plans.ts';
import { PaymentPlanCard } from '../features/plans/components/payment-plan-card.tsx';
import { PaymentPlanForm } from '../features/plans/components/payment-plan-form.tsx';
import { TreatmentPlanCard } from '../features/plans/components/treatment-plan-card.tsx';
import { TreatmentPlanForm } from '../features/plans/components/treatment-plan-form.tsx';
import { PaymentForm } from '../features/payments/components/payment-form.tsx';
import { PaymentHistory } from '../features/payments/components/payment-history.tsx';
import { ReceiptView } from '../features/payments/components/receipt-view.tsx';
import { PatientPicker } from '../components/patient-picker.tsx';
import './money-screen.css';

/**
 * Plans & payments of one patient: the front desk's money page, composed here from the plans and
 * payments features (features never import each other).
 */
export function MoneyScreen({ info, today }: ScreenProps) {
  const { t } = useI18n();
  const patientId = useMoneyFocus((s) => s.patientId);
  const setPatient = useMoneyFocus((s) => s.setPatient);
  return (
    <main className="screen money-screen" aria-label={t('screen.money')} data-testid="money-screen">
      <div className="money-screen__bar">
        {patientId ? (
          <PatientHeader patientId={patientId} onChange={() => setPatient(null)} />
        ) : (
          <PatientPicker onPick={(p) => setPatient(p.id)} testId="money-patient" />
        )}
      </div>
      {patientId ? (
        <PatientMoney key={patientId} patientId={patientId} currency={info.clinic.currency} timeZone={info.clinic.timeZone} today={today} />
      ) : (
        <p className="state state--hint">{t('patient.pick')}</p>
      )}
    </main>
  );
}

function PatientHeader({ patientId, onChange }: { patientId: string; onChange(): void }) {
  const { t } = useI18n();
  const patient = useCommandQuery('patients.get', { id: patientId }).state.data;
  return (
    <div className="money-screen__patient">
      <h2 data-testid="money-patient-name">{patient && patient.id === patientId ? `${patient.firstName} ${patient.lastName}` : '…'}</h2>
      {patient?.phone && <span className="muted">{patient.phone}</span>}
      <button type="button" className="btn btn--small" onClick={onChange} data-testid="money-change-patient">
        {t('patient.change')}
      </button>
      <PatientMoneySummary patientId={patientId} />
    </div>
  );
}

interface MoneyProps {
  patientId: string;
  currency: string;
  timeZone: string;
  today: string;
}

function PatientMoney({ patientId, currency, timeZone, today }: MoneyProps) {
  const { t } = useI18n();
  const plans = useTreatmentPlans(patientId).state;
  const paymentPlans = usePaymentPlans(patientId).state;
  const credit = usePatientBalance(patientId).state.data?.creditCents ?? 0;
  const [newPlan, setNewPlan] = useState(false);
  const [newPayment, setNewPayment] = useState<{ from: TreatmentPlanDetail | null } | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const titleOf = (id: string | null) => plans.data?.find((p) => p.id === id)?.title ?? null;

  return (
    <div className="money-screen__body">
      <div className="money-screen__main">
        <section aria-labelledby="tp-section">
          <header className="section-head">
            <h2 id="tp-section">{t('tp.section')}</h2>
            <button type="button" className="btn btn--small btn--primary" onClick={() => setNewPlan(true)} data-testid="tp-new">
              + {t('tp.new')}
            </button>
          </header>
          {plans.status === 'ready' && plans.data.length === 0 && <p className="muted">{t('tp.none')}</p>}
          {plans.data?.map((p) => (
            <TreatmentPlanCard key={p.id} id={p.id} timeZone={timeZone} today={today} onPaymentPlan={(from) => setNewPayment({ from })} />
          ))}
        </section>
        <section aria-labelledby="pp-section">
          <header className="section-head">
            <h2 id="pp-section">{t('pp.section')}</h2>
            <button type="button" className="btn btn--small" onClick={() => setNewPayment({ from: null })} data-testid="pp-new">
              + {t('pp.new')}
            </button>
          </header>
          {paymentPlans.status === 'ready' && paymentPlans.data.length === 0 && <p className="muted">{t('pp.none')}</p>}
          {paymentPlans.data?.map((p) => (
            <PaymentPlanCard key={p.id} plan={p} today={today} treatmentTitle={titleOf(p.treatmentPlanId)} />
          ))}
        </section>
      </div>
      <aside className="money-screen__side" aria-label={t('pay.section')}>
        <PaymentForm patientId={patientId} currency={currency} onReceipt={setReceipt} />
        <PaymentHistory patientId={patientId} currency={currency} timeZone={timeZone} creditCents={credit} onReceipt={setReceipt} />
      </aside>
      {newPlan && <TreatmentPlanForm patientId={patientId} currency={currency} onClose={() => setNewPlan(false)} onCreated={() => setNewPlan(false)} />}
      {newPayment && (
        <PaymentPlanForm
          patientId={patientId}
          currency={currency}
          today={today}
          from={newPayment.from ? { id: newPayment.from.id, title: newPayment.from.title, totalCents: newPayment.from.progress.costTotalCents } : null}
          onClose={() => setNewPayment(null)}
          onCreated={() => setNewPayment(null)}
        />
      )}
      {receipt && <ReceiptView paymentId={receipt} timeZone={timeZone} onClose={() => setReceipt(null)} />}
    </div>
  );
}
