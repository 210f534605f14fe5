import { useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { RateCount, RecallCampaign } from '../../../../../shared/domain/recall-types.ts';
import { RECALL_OUTCOMES } from '../../../../../shared/domain/recall-queue.ts';
import { useCan } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useCampaignResults } from '../api/use-recall-data.ts';
import { useExportRecallCsv } from '../api/recall-writes.ts';
import { downloadText } from '../lib/browser-io.ts';
import { ResultsChart } from './results-chart.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './campaign-results.css';

/** Rates, what became of the bookings, per staff member and per day; CSV export. */
export function CampaignResultsView({ campaign, today }: { campaign: RecallCampaign; today: IsoDate }) {
  const { t, formatNumber } = useI18n();
  const errText = useErrorText();
  const { state } = useCampaignResults(campaign.id);
  const canExport = useCan('recalls.exportCsv');
  const exportRecallCsv = useExportRecallCsv();
  const [exportError, setExportError] = useState<string | null>(null);
  const r = state.data;

  const exportCsv = async () => {
    setExportError(null);
    const answer = await exportRecallCsv({ campaignId: campaign.id });
    if (answer.ok) downloadText(answer.value.fileName, answer.value.csv);
    else setExportError(errText(answer.error));
  };

  const tile = (label: string, rate: RateCount | undefined, id: string) => (
    <div className="rc-tile" data-testid={`rate-${id}`}>
      <span className="rc-tile__label">{label}</span>
      <strong className="rc-tile__value">{rate ? `${formatNumber(rate.percent, 1)} %` : '—'}</strong>
      <span className="rc-tile__sub">{rate && r ? t('results.ofTotal', { count: rate.count, total: r.total }) : '\u00a0'}</span>
    </div>
  );

  return (
    <div className="rc-results" data-testid="campaign-results">
      {state.status === 'error' ? <p role="alert">{t('recalls.loadError', { message: errText(state.error) })}</p> : null}
      <div className="rc-results__top">
        {tile(t('results.contacted'), r?.contacted, 'contacted')}
        {tile(t('results.reached'), r?.reached, 'reached')}
        {tile(t('results.booked'), r?.booked, 'booked')}
        <div className="rc-tile rc-tile--wide" data-testid="results-appointments">
          <span className="rc-tile__label">{t('results.appointments')}</span>
          <div className="rc-tile__split">
            {(['kept', 'noShow', 'cancelled', 'upcoming'] as const).map((k) => (
              <span key={k} className={`rc-split rc-split--${k}`}>
                <strong>{r ? r.appointments[k] : '—'}</strong> {t(`results.${k}`)}
              </span>
            ))}
          </div>
        </div>
        {canExport ? (
          <button type="button" className="btn rc-results__export" onClick={() => void exportCsv()} data-testid="export-csv">
            {t('results.export')}
          </button>
        ) : null}
      </div>
      {exportError ? <p className="rc-form-error" role="alert">{t('recalls.actionError', { message: exportError })}</p> : null}
      <div className="rc-results__body">
        <section className="rc-results__chart" aria-label={t('results.overTime')}>
          <h3>{t('results.overTime')}</h3>
          {r && r.byDay.length === 0 ? <p className="rc-muted rc-results__none">{t('results.noAttempts')}</p> : null}
          {r && r.byDay.length > 0 ? <ResultsChart days={r.byDay} today={today} /> : null}
        </section>
        <section className="rc-results__side">
          <h3>{t('results.byStaff')}</h3>
          <table className="rc-table" data-testid="results-staff">
            <thead>
              <tr>
                <th>{t('results.staff')}</th>
                <th className="rc-num">{t('results.attempts')}</th>
                <th className="rc-num">{t('results.reached')}</th>
                <th className="rc-num">{t('results.booked')}</th>
              </tr>
            </thead>
            <tbody>
              {(r?.byStaff ?? []).map((s) => (
                <tr key={s.staffId ?? 'unknown'}>
                  <td>{s.staffId ? s.name : t('queue.unknownStaff')}</td>
                  <td className="rc-num">{s.attempts}</td>
                  <td className="rc-num">{s.reached}</td>
                  <td className="rc-num">{s.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('results.outcomes')}</h3>
          <ul className="outcome-counts" data-testid="results-outcomes">
            {RECALL_OUTCOMES.map((o) => (
              <li key={o} data-outcome={o}>
                <span className={`rc-outcome rc-outcome--${o}`}>{t(`outcome.${o}`)}</span>
                <strong>{r ? r.outcomes[o] : '—'}</strong>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
