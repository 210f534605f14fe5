import { type FormEvent, useRef, useState } from 'react';
import { uuidv7 } from '../../../../../shared/domain/ids.ts';
import { PAYMENT_METHODS, type PaymentMethod, type Receipt } from '../../../../../shared/domain/plan-types.ts';
import { MoneyInput, parseAmount } from '../../../components/money-input.tsx';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import './payment-form.css';

interface Props {
  patientId: string;
  currency: string;
  onReceipt(paymentId: string): void;
}

/** Records money received; shows where it went (installments, credit) right after. */
export function PaymentForm({ patientId, currency, onReceipt }: Props) {
  const { t, language } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [notes, setNotes] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [last, setLast] = useState<Receipt | null>(null);
  const record = useCommandMutation('payments.record');
  const parsed = parseAmount(amount, currency, language);
  // One key per payment: made for a submission, sent again on every retry of it (a lost answer
  // records nothing twice), replaced once the payment is recorded or the patient changes.
  const submission = useRef({ patientId, key: uuidv7() });
  if (submission.current.patientId !== patientId) submission.current = { patientId, key: uuidv7() };
  const reusedKey = record.error?.code === 'conflict' && record.error.details?.reason === 'idempotency_key_reused';
  const unanswered = record.error?.code === 'offline' || record.error?.code === 'internal';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!parsed.ok) return;
    const answer = await record.run({
      patientId,
      amountCents: parsed.value,
      method,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      idempotencyKey: submission.current.key,
    });
    // Recorded, or this form's key already recorded another payment: the next one is a new payment.
    if (answer?.ok || (answer && !answer.ok && answer.error.details?.reason === 'idempotency_key_reused')) {
      submission.current = { patientId, key: uuidv7() };
    }
    if (answer?.ok) {
      setLast(answer.value);
      setAmount('');
      setNotes('');
      setSubmitted(false);
    }
  };

  return (
    <form className="form pay-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('pay.record')} data-testid="payment-form">
      <h3>{t('pay.record')}</h3>
      <div className="pay-form__row">
        <MoneyInput label={t('pay.amount')} value={amount} currency={currency} onChange={setAmount} showErrors={submitted} testId="pay-amount" />
        <div className="field">
          <label htmlFor="pay-method">{t('pay.method')}</label>
          <select id="pay-method" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} data-testid="pay-method">
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`pay.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="pay-notes">{t('pay.notes')}</label>
        <input id="pay-notes" value={notes} maxLength={500} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <button type="submit" className="btn btn--primary" disabled={record.saving} data-testid="pay-save">
        {record.saving ? t('pay.saving') : t('pay.save')}
      </button>
      {record.error && (
        <p className="form__error" role="alert" data-testid="pay-error">
          {reusedKey ? t('pay.keyReused') : unanswered ? t('pay.unanswered') : t('pay.error', { message: errText(record.error) })}
        </p>
      )}
      {last && (
        <div className="pay-result" role="status" data-testid="pay-result">
          <p>
            <strong>{t('pay.recorded', { amount: f.money(last.payment.amountCents, currency) })}</strong>{' '}
            <button type="button" className="btn btn--link" onClick={() => onReceipt(last.payment.id)} data-testid="pay-result-receipt">
              {t('pay.receipt')}
            </button>
          </p>
          {last.allocations.length > 0 && (
            <ul className="pay-result__list" aria-label={t('pay.allocated')}>
              {last.allocations.map((a) => (
                <li key={a.installmentId}>{t('pay.allocation', { seq: a.seq, date: f.date(a.dueDate), amount: f.money(a.amountCents, currency) })}</li>
              ))}
            </ul>
          )}
          {last.unallocatedCents > 0 && <p>{t('pay.toCredit', { amount: f.money(last.unallocatedCents, currency) })}</p>}
        </div>
      )}
    </form>
  );
}
