import { type FormEvent, useState } from 'react';
import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { centsToInput } from '../../../../../shared/domain/decimal-input.ts';
import type { PaymentPlanDetail } from '../../../../../shared/domain/plan-types.ts';
import { FormFooter } from '../../../components/form-footer.tsx';
import { Modal } from '../../../components/modal.tsx';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { checkTerms, type TermsDraft } from '../lib/terms-draft.ts';
import { TermsFields } from './terms-fields.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';

interface Props {
  plan: PaymentPlanDetail;
  today: IsoDate;
  onClose(): void;
}

/** New terms for the unpaid part of a plan, with the reason kept in the audit log. */
export function PaymentPlanChange({ plan, today, onClose }: Props) {
  const { t, language } = useI18n();
  const errText = useErrorText();
  const c = plan.currency;
  const nextDue = plan.installments.find((i) => i.status === 'due' && !i.isDownPayment)?.dueDate;
  const [draft, setDraft] = useState<TermsDraft>(() => ({
    principal: centsToInput(plan.principalCents, c, language),
    downPayment: '',
    apr: plan.aprBp ? centsToInput(plan.aprBp, 'EUR', language) : '',
    by: plan.installmentAmountCents ? 'amount' : 'count',
    count: String(plan.installments.filter((i) => i.status === 'due' && !i.isDownPayment).length || 1),
    amount: plan.installmentAmountCents ? centsToInput(plan.installmentAmountCents, c, language) : '',
    frequency: plan.frequency,
    firstDueDate: nextDue && nextDue >= today ? nextDue : addDaysIso(today, 30),
  }));
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const change = useCommandMutation('paymentPlans.change');
  const check = checkTerms(draft, c, language, false);
  const reasonMissing = submitted && reason.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!check.terms || reason.trim() === '') return;
    const { principalCents, aprBp, installmentCount, installmentAmountCents, frequency, firstDueDate } = check.terms;
    const answer = await change.run({
      paymentPlanId: plan.id,
      principalCents,
      aprBp,
      ...(installmentCount !== undefined ? { installmentCount } : { installmentAmountCents }),
      frequency,
      firstDueDate,
      reason: reason.trim(),
    });
    if (answer?.ok) onClose();
  };

  return (
    <Modal title={t('pp.changeTitle')} closeLabel={t('tp.cancel')} onClose={onClose} testId="payment-plan-change">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{t('pp.changeHint')}</p>
        <TermsFields draft={draft} check={check} currency={c} submitted={submitted} withDownPayment={false} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <div className={`field${reasonMissing ? ' field--invalid' : ''}`}>
          <label htmlFor="pp-reason">{t('pp.reason')}</label>
          <input id="pp-reason" value={reason} maxLength={500} placeholder={t('pp.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="pp-reason" />
          <p className="field__error" role={reasonMissing ? 'alert' : undefined}>
            {reasonMissing ? t('pp.reasonRequired') : ''}
          </p>
        </div>
        <FormFooter
          error={change.error ? t('pp.changeError', { message: errText(change.error) }) : null}
          saving={change.saving}
          onCancel={onClose}
          submitLabel={t('pp.changeSave')}
          savingLabel={t('tp.saving')}
          submitTestId="pp-change-save"
        />
      </form>
    </Modal>
  );
}
