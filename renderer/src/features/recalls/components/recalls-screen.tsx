import type { ScreenProps } from '../../../app/screen-types.ts';
import { useCan } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useCampaigns } from '../api/use-recall-data.ts';
import { useRecallsUi } from '../stores/recalls-ui.ts';
import { CampaignBuilder } from './campaign-builder.tsx';
import { CampaignList } from './campaign-list.tsx';
import { CampaignView } from './campaign-view.tsx';
import { RecallTypesEditor } from './recall-types-editor.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './recalls-forms.css';
import './recalls-screen.css';

/**
 * Recall campaigns: the list on the left; on the right the builder, the recall types, or one
 * campaign with its work queue and results. Planning (campaigns, recall types) follows
 * shared/command-roles.ts for the acting person; everyone works the call queue.
 */
export function RecallsScreen({ info, today }: ScreenProps) {
  const { t } = useI18n();
  const errText = useErrorText();
  const campaigns = useCampaigns();
  const view = useRecallsUi((s) => s.view);
  const campaignId = useRecallsUi((s) => s.campaignId);
  const canPlan = useCan('recalls.campaigns.create');
  const canEditTypes = useCan('recalls.types.update');
  const list = campaigns.state.data ?? [];
  const selected = list.find((c) => c.id === campaignId) ?? list.find((c) => c.status === 'active') ?? list[0] ?? null;

  return (
    <main className="screen recalls" aria-label={t('recalls.region')} data-testid="recalls-screen">
      <CampaignList
        campaigns={list}
        selectedId={view === 'campaign' ? (selected?.id ?? null) : null}
        canPlan={canPlan}
        error={campaigns.state.status === 'error' ? errText(campaigns.state.error) : null}
      />
      <section className="recalls__main">
        {(!canPlan && view === 'builder') || (!canEditTypes && view === 'types') ? (
          <p className="recalls__note">{t('recalls.readOnly')}</p>
        ) : null}
        {view === 'builder' && canPlan ? <CampaignBuilder today={today} /> : null}
        {view === 'types' ? <RecallTypesEditor canEdit={canEditTypes} /> : null}
        {view === 'campaign' && selected ? <CampaignView campaign={selected} canPlan={canPlan} info={info} today={today} /> : null}
        {view === 'campaign' && !selected && campaigns.state.status === 'ready' ? (
          <p className="recalls__empty">{t(canPlan ? 'recalls.noCampaigns' : 'recalls.noCampaignsAsk')}</p>
        ) : null}
      </section>
    </main>
  );
}
