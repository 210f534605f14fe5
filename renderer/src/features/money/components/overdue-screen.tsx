import { type KeyboardEvent, useRef, useState } from 'react';
import type { ScreenProps } from '../../../app/screen-types.ts';
import { useNav } from '../../../app/nav-store.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useMoneyFocus } from '../../../stores/money-focus.ts';
import { useOverdueList } from '../api/use-overdue-list.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import './overdue-screen.css';

/** The overdue list to work through: ↑ ↓ move between patients, Enter or click opens one. */
export function OverdueScreen({ info }: ScreenProps) {
  const { t } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const { state, reload } = useOverdueList();
  const show = useNav((s) => s.show);
  const setPatient = useMoneyFocus((s) => s.setPatient);
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = state.data ?? [];
  const currency = info.clinic.currency;
  const total = rows.reduce((s, r) => s + r.overdueCents, 0);

  const open = (patientId: string) => {
    setPatient(patientId);
    show('money');
  };
  const focusRow = (i: number) => {
    setActive(i);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    const last = rows.length - 1;
    const to = { ArrowDown: Math.min(i + 1, last), ArrowUp: Math.max(i - 1, 0), Home: 0, End: last }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(rows[i]!.patientId);
    }
  };

  return (
    <main className="screen overdue-screen" aria-label={t('overdue.title')} data-testid="overdue-screen">
      <header className="overdue-screen__head">
        <h2>{t('overdue.title')}</h2>
        {state.data && rows.length > 0 && (
          <span className="muted" data-testid="overdue-count">
            {t(rows.length === 1 ? 'overdue.countOne' : 'overdue.count', { count: rows.length, amount: f.money(total, currency) })}
          </span>
        )}
        <span className="muted overdue-screen__hint">{t('overdue.hint')}</span>
      </header>
      {state.status === 'error' && !state.data && (
        <div className="state state--error" role="alert">
          <p>{t('overdue.error', { message: errText(state.error) })}</p>
          <button type="button" className="btn" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {!state.data && state.status === 'loading' && <p className="state">{t('overdue.loading')}</p>}
      {state.data && rows.length === 0 && <p className="state" data-testid="overdue-empty">{t('overdue.none')}</p>}
      {rows.length > 0 && (
        <div className="overdue-screen__table">
          <table className="table table--rows" data-testid="overdue-table">
            <thead>
              <tr>
                <th>{t('overdue.patient')}</th>
                <th className="num">{t('overdue.days')}</th>
                <th className="num">{t('overdue.amount')}</th>
                <th>{t('overdue.since')}</th>
                <th>{t('overdue.lastContact')}</th>
                <th>{t('overdue.phone')}</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {rows.map((r, i) => (
                <tr
                  key={r.patientId}
                  tabIndex={i === Math.min(active, rows.length - 1) ? 0 : -1}
                  onClick={() => open(r.patientId)}
                  onKeyDown={(e) => onKeyDown(e, i)}
                  onFocus={() => setActive(i)}
                  data-testid="overdue-row"
                  data-patient-id={r.patientId}
                >
                  <td className="strong">{r.name}</td>
                  <td className="num">{t('overdue.daysValue', { count: r.daysOverdue })}</td>
                  <td className="num strong" data-testid="overdue-amount">
                    {f.money(r.overdueCents, currency)}
                  </td>
                  <td>{f.date(r.oldestDueDate)}</td>
                  <td>{r.lastContactAt ? f.instant(r.lastContactAt, info.clinic.timeZone) : t('overdue.never')}</td>
                  <td>{r.phone ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
