import { type FormEvent, useState } from 'react';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../../shared/domain/plan-types.ts';
import { FormFooter } from '../../../components/form-footer.tsx';
import { Modal } from '../../../components/modal.tsx';
import { MoneyInput, parseAmount } from '../../../components/money-input.tsx';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useErrorText } from '../../../i18n/error-text.ts';

type Props =
  | { kind: 'void'; title: string; paymentId: string; onClose(): void }
  | { kind: 'refund'; title: string; patientId: string; currency: string; maxCents: number; onClose(): void };

/** Void a payment or refund credit: both need a reason and become new rows, never edits. */
export function ReasonDialog(props: Props) {
  const { t, language } = useI18n();
  const errText = useErrorText();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [submitted, setSubmitted] = useState(false);
  const voider = useCommandMutation('payments.void');
  const refunder = useCommandMutation('payments.refund');
  const m = props.kind === 'void' ? voider : refunder;
  const parsed = props.kind === 'refund' ? parseAmount(amount, props.currency, language) : null;
  const reasonMissing = submitted && reason.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (reason.trim() === '') return;
    let answer;
    if (props.kind === 'void') answer = await voider.run({ paymentId: props.paymentId, reason: reason.trim() });
    else {
      if (!parsed?.ok || parsed.value > props.maxCents) return;
      answer = await refunder.run({ patientId: props.patientId, amountCents: parsed.value, reason: reason.trim(), method });
    }
    if (answer?.ok) props.onClose();
  };

  return (
    <Modal title={props.title} closeLabel={t('tp.cancel')} onClose={props.onClose} testId="reason-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {props.kind === 'refund' && (
          <div className="form__row form__row--2">
            <MoneyInput
              label={t('pay.amount')}
              value={amount}
              currency={props.currency}
              onChange={setAmount}
              showErrors={submitted}
              error={parsed?.ok && parsed.value > props.maxCents ? props.title : null}
              autoFocus
            />
            <div className="field">
              <label htmlFor="refund-method">{t('pay.method')}</label>
              <select id="refund-method" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
                {PAYMENT_METHODS.map((pm) => (
                  <option key={pm} value={pm}>
                    {t(`pay.method.${pm}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <div className={`field${reasonMissing ? ' field--invalid' : ''}`}>
          <label htmlFor="pay-reason">{t('pay.reason')}</label>
          <input id="pay-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus={props.kind === 'void'} data-testid="pay-reason" />
          <p className="field__error" role={reasonMissing ? 'alert' : undefined}>
            {reasonMissing ? t('pay.reasonRequired') : ''}
          </p>
        </div>
        <FormFooter
          error={m.error ? t('pay.actionError', { message: errText(m.error) }) : null}
          saving={m.saving}
          onCancel={props.onClose}
          submitLabel={props.kind === 'void' ? t('pay.confirmVoid') : t('pay.confirmRefund')}
          tone="danger"
          submitTestId="pay-reason-confirm"
        />
      </form>
    </Modal>
  );
}
