import { createPortal } from 'react-dom';
import type { Receipt } from '../../../../../shared/domain/plan-types.ts';
import { Modal } from '../../../components/modal.tsx';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useReceipt } from '../api/use-payments.ts';
import './receipt-view.css';

interface Props {
  paymentId: string;
  timeZone: string;
  onClose(): void;
}

/** Prints only the receipt: the print stylesheet keys on this attribute. */
function printReceipt() {
  const root = document.documentElement;
  root.dataset.print = 'receipt';
  const done = () => {
    delete root.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/**
 * A printable receipt. Print uses the browser's dialog (in Electron it offers "Save as PDF");
 * the print stylesheet shows only the receipt.
 */
export function ReceiptView({ paymentId, timeZone, onClose }: Props) {
  const { t } = useI18n();
  const r = useReceipt(paymentId).state.data;

  return (
    <Modal title={t('receipt.title')} closeLabel={t('receipt.close')} onClose={onClose} className="modal--receipt" testId="receipt">
      {!r ? <p className="muted receipt receipt--loading">{t('receipt.loading')}</p> : <ReceiptDocument r={r} timeZone={timeZone} testId="receipt-body" />}
      {r && createPortal(<div className="receipt-print"><ReceiptDocument r={r} timeZone={timeZone} /></div>, document.body)}
      <div className="form__actions receipt__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('receipt.close')}
        </button>
        <button type="button" className="btn btn--primary" onClick={printReceipt} disabled={!r} data-testid="receipt-print">
          {t('receipt.print')}
        </button>
      </div>
    </Modal>
  );
}

/** The receipt itself: shown in the dialog and, as a copy outside the app, printed. */
function ReceiptDocument({ r, timeZone, testId }: { r: Receipt; timeZone: string; testId?: string }) {
  const { t } = useI18n();
  const f = useMoneyFormat();
  const c = r.payment.currency;
  return (
    <div className="receipt" data-testid={testId}>
      <header className="receipt__head">
        <div>
          <strong className="receipt__clinic">{r.clinic.name}</strong>
          {r.clinic.address && <div>{r.clinic.address}</div>}
          {r.clinic.phone && <div>{r.clinic.phone}</div>}
        </div>
        <div className="receipt__title">
          <strong>{t('receipt.title')}</strong>
          <div className="muted">{t('receipt.number', { number: r.number.slice(-12).toUpperCase() })}</div>
          {r.payment.voided && <div className="receipt__voided">{t('receipt.voided')}</div>}
        </div>
      </header>
      <dl className="receipt__fields">
        <dt>{t('receipt.date')}</dt>
        <dd>{f.instant(r.payment.receivedAt, timeZone)}</dd>
        <dt>{t('receipt.patient')}</dt>
        <dd>{r.patient.name}</dd>
        <dt>{t('receipt.method')}</dt>
        <dd>{t(`pay.method.${r.payment.method}`)}</dd>
        {r.payment.receivedByName && (
          <>
            <dt>{t('receipt.receivedBy')}</dt>
            <dd>{r.payment.receivedByName}</dd>
          </>
        )}
      </dl>
      <table className="table receipt__table">
        <tbody>
          <tr className="receipt__total">
            <th>{t('receipt.amount')}</th>
            <td className="num" data-testid="receipt-amount">{f.money(r.payment.amountCents, c)}</td>
          </tr>
          {r.allocations.map((a) => (
            <tr key={a.installmentId}>
              <td>{t('receipt.installment', { seq: a.seq, date: f.date(a.dueDate) })}</td>
              <td className="num">{f.money(a.amountCents, c)}</td>
            </tr>
          ))}
          {r.unallocatedCents > 0 && (
            <tr>
              <td>{t('receipt.credit')}</td>
              <td className="num">{f.money(r.unallocatedCents, c)}</td>
            </tr>
          )}
          <tr className="receipt__balance">
            <th>{t('receipt.balanceAfter')}</th>
            <td className="num" data-testid="receipt-balance">{f.money(r.balanceAfter.balanceCents, c)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
