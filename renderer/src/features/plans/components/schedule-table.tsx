import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { InstallmentView, ScheduledInstallment } from '../../../../../shared/domain/plan-types.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { installmentState } from '../../../../../shared/domain/installment-state.ts';

interface Props {
  currency: string;
  /** Saved installments (with paid amounts and status) or a preview (without). */
  rows: readonly (ScheduledInstallment | InstallmentView)[];
  today: IsoDate;
  testId?: string;
  /** Preview: a down payment row first, due on creation. */
  downPaymentCents?: number;
}

const isSaved = (r: ScheduledInstallment | InstallmentView): r is InstallmentView => 'paidCents' in r;

/** Installments as a table: number, due date, amount, interest, and for saved ones paid and status. */
export function ScheduleTable({ currency, rows, today, testId, downPaymentCents }: Props) {
  const { t } = useI18n();
  const f = useMoneyFormat();
  const saved = rows.length > 0 && isSaved(rows[0]!);
  return (
    <table className="table schedule-table" data-testid={testId}>
      <thead>
        <tr>
          <th className="num">{t('pp.colSeq')}</th>
          <th>{t('pp.colDue')}</th>
          <th className="num">{t('pp.colAmount')}</th>
          <th className="num">{t('pp.colInterest')}</th>
          {saved && <th className="num">{t('pp.colPaid')}</th>}
          {saved && <th>{t('pp.colStatus')}</th>}
        </tr>
      </thead>
      <tbody>
        {downPaymentCents ? (
          <tr className="row--muted">
            <td className="num">1</td>
            <td>{t('pp.downPaymentRow')}</td>
            <td className="num">{f.money(downPaymentCents, currency)}</td>
            <td className="num">{f.money(0, currency)}</td>
          </tr>
        ) : null}
        {rows.map((r, i) => {
          const state = isSaved(r) ? installmentState(r, today) : null;
          return (
            <tr key={isSaved(r) ? r.id : i} data-testid="installment" data-state={state ?? undefined}>
              <td className="num">{downPaymentCents ? r.seq + 1 : r.seq}</td>
              <td>
                {isSaved(r) && r.isDownPayment ? `${t('pp.downPaymentRow')} · ` : ''}
                {f.date(r.dueDate)}
              </td>
              <td className="num">{f.money(r.amountCents, currency)}</td>
              <td className="num">{f.money(r.interestCents, currency)}</td>
              {isSaved(r) && <td className="num">{f.money(r.paidCents, currency)}</td>}
              {state && (
                <td>
                  <span className={`pill pill--inst-${state}`}>{t(`pp.inst.${state}`)}</span>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
