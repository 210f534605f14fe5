import type { RecallCampaign } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useRecallsUi } from '../stores/recalls-ui.ts';
import './campaign-list.css';

interface Props {
  campaigns: RecallCampaign[];
  selectedId: string | null;
  canPlan: boolean;
  error: string | null;
}

/** The campaigns with their status and progress; the planning buttons on top. */
export function CampaignList({ campaigns, selectedId, canPlan, error }: Props) {
  const { t } = useI18n();
  const openCampaign = useRecallsUi((s) => s.openCampaign);
  const showBuilder = useRecallsUi((s) => s.showBuilder);
  const showTypes = useRecallsUi((s) => s.showTypes);
  const view = useRecallsUi((s) => s.view);

  return (
    <nav className="recalls__side" aria-label={t('recalls.campaigns')}>
      <div className="recalls__side-actions">
        {canPlan ? (
          <button type="button" className="btn btn--primary" aria-pressed={view === 'builder'} onClick={showBuilder} data-testid="new-campaign">
            {t('recalls.newCampaign')}
          </button>
        ) : null}
        <button type="button" className="btn" aria-pressed={view === 'types'} onClick={showTypes}>
          {t('recalls.types')}
        </button>
      </div>
      <h2 className="recalls__side-title">{t('recalls.campaigns')}</h2>
      {error ? <p role="alert">{t('recalls.loadError', { message: error })}</p> : null}
      <ul className="campaign-list" data-testid="campaign-list">
        {campaigns.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="campaign-list__item"
              aria-current={c.id === selectedId ? 'true' : undefined}
              data-campaign-id={c.id}
              onClick={() => openCampaign(c.id)}
            >
              <span className="campaign-list__name">{c.name}</span>
              <span className={`campaign-status campaign-status--${c.status}`}>{t(`recalls.status.${c.status}`)}</span>
              <span className="campaign-list__counts">
                {c.status === 'draft'
                  ? t('recalls.countsDraft')
                  : t('recalls.counts', { done: c.counts.done, total: c.counts.total, booked: c.counts.booked })}
              </span>
              {c.status !== 'draft' && c.counts.total > 0 ? (
                <span className="campaign-list__bar" aria-hidden="true">
                  <span style={{ width: `${(100 * c.counts.done) / c.counts.total}%` }} />
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
