import { useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { RecallCampaign } from '../../../../../shared/domain/recall-types.ts';
import type { AppInfo } from '../../../../../shared/domain/types.ts';
import { useCan } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useActivateCampaign, useCloseCampaign } from '../api/recall-writes.ts';
import { useRecallsUi } from '../stores/recalls-ui.ts';
import { CampaignResultsView } from './campaign-results.tsx';
import { WorkQueue } from './work-queue.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './campaign-view.css';

interface Props {
  campaign: RecallCampaign;
  canPlan: boolean;
  info: AppInfo;
  today: IsoDate;
}

/** One campaign: header with its lifecycle actions, then the work queue or the results. */
export function CampaignView({ campaign, canPlan, info, today }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const storedTab = useRecallsUi((s) => s.tab);
  const setTab = useRecallsUi((s) => s.setTab);
  const canActivate = useCan('recalls.campaigns.activate') && canPlan;
  const canClose = useCan('recalls.campaigns.close') && canPlan;
  const activate = useActivateCampaign();
  const close = useCloseCampaign();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tab = campaign.status === 'active' ? storedTab : 'results';

  const run = async (send: typeof activate) => {
    setBusy(true);
    setError(null);
    const answer = await send({ campaignId: campaign.id });
    setBusy(false);
    if (!answer.ok) setError(errText(answer.error));
  };

  return (
    <div className="rc-campaign" data-testid="campaign-view" data-status={campaign.status}>
      <header className="rc-campaign__head">
        <div className="rc-campaign__title">
          <h1>{campaign.name}</h1>
          <span className={`campaign-status campaign-status--${campaign.status}`} data-testid="campaign-status">
            {t(`recalls.status.${campaign.status}`)}
          </span>
        </div>
        <p className="rc-campaign__meta">
          {campaign.recallTypeName ? `${campaign.recallTypeName} · ` : ''}
          {t('recalls.attemptRules', { max: campaign.maxAttempts, hours: campaign.attemptSpacingHours })}
        </p>
        <div className="rc-campaign__actions">
          {campaign.status === 'active' ? (
            <div className="rc-tabs" role="tablist">
              {(['queue', 'results'] as const).map((k) => (
                <button key={k} type="button" role="tab" className="rc-tabs__tab" aria-selected={tab === k} onClick={() => setTab(k)}>
                  {t(k === 'queue' ? 'recalls.view.queue' : 'recalls.view.results')}
                </button>
              ))}
            </div>
          ) : null}
          {canActivate && campaign.status === 'draft' ? (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void run(activate)} data-testid="campaign-activate">
              {t('recalls.activate')}
            </button>
          ) : null}
          {canClose && campaign.status === 'active' ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void run(close)} data-testid="campaign-close">
              {t('recalls.close')}
            </button>
          ) : null}
        </div>
        {error ? <p className="rc-form-error" role="alert">{t('recalls.actionError', { message: error })}</p> : null}
      </header>
      {campaign.status === 'draft' ? <p className="recalls__note">{t('recalls.draftHint')}</p> : null}
      {campaign.status === 'closed' ? <p className="recalls__note">{t('recalls.closedHint')}</p> : null}
      {campaign.status === 'active' && tab === 'queue' ? (
        <WorkQueue key={campaign.id} campaign={campaign} info={info} today={today} />
      ) : null}
      {campaign.status !== 'draft' && tab === 'results' ? <CampaignResultsView campaign={campaign} today={today} /> : null}
    </div>
  );
}
