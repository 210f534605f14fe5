import { useMemo, useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useClinicSettings, useLivePreview, useRecallTypes } from '../api/use-recall-data.ts';
import { useCreateCampaign } from '../api/recall-writes.ts';
import { type CriteriaDraft, draftToCampaign, draftToCriteria, emptyDraft } from '../lib/criteria-draft.ts';
import { useRecallsUi } from '../stores/recalls-ui.ts';
import { CriteriaFields } from './criteria-fields.tsx';
import { PreviewTable } from './preview-table.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './campaign-builder.css';

/** The criteria builder: conditions on the left, the live count and the preview on the right. */
export function CampaignBuilder({ today }: { today: IsoDate }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const types = useRecallTypes().state.data ?? [];
  const settings = useClinicSettings().state.data;
  const createCampaign = useCreateCampaign();
  const openCampaign = useRecallsUi((s) => s.openCampaign);
  const back = useRecallsUi((s) => s.back);
  const [draft, setDraft] = useState<CriteriaDraft>(emptyDraft);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const criteria = useMemo(() => draftToCriteria(draft), [draft]);
  const live = useLivePreview(draft.recallTypeId, criteria);
  const update = (patch: Partial<CriteriaDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const create = async () => {
    setSaving(true);
    setError(null);
    const answer = await createCampaign(draftToCampaign(draft));
    setSaving(false);
    if (!answer.ok) {
      setError(errText(answer.error));
      return;
    }
    openCampaign(answer.value.id);
  };

  const countText =
    live.count === null ? t('builder.counting') : live.count === 1 ? t('builder.liveCountOne') : t('builder.liveCount', { count: live.count });

  return (
    <form
      className="rc-builder"
      data-testid="campaign-builder"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div className="rc-builder__form">
        <h1>{t('builder.title')}</h1>
        <label className="rc-field">
          <span>{t('builder.name')}</span>
          <input
            required
            maxLength={200}
            value={draft.name}
            placeholder={t('builder.namePlaceholder')}
            onChange={(e) => update({ name: e.target.value })}
          />
        </label>
        <CriteriaFields draft={draft} update={update} types={types} settings={settings ?? null} today={today} />
        <div className="rc-field-row">
          <label className="rc-field">
            <span>{t('builder.maxAttempts')}</span>
            <input inputMode="numeric" value={draft.maxAttempts} onChange={(e) => update({ maxAttempts: e.target.value })} />
          </label>
          <label className="rc-field">
            <span>{t('builder.spacing')}</span>
            <input inputMode="numeric" value={draft.attemptSpacingHours} onChange={(e) => update({ attemptSpacingHours: e.target.value })} />
          </label>
        </div>
      </div>
      <div className="rc-builder__preview">
        <div className="rc-live-count" aria-live="polite">
          <strong data-testid="live-count" data-count={live.count ?? ''} data-counting={live.counting ? 'true' : 'false'}>
            {countText}
          </strong>
          <span className="rc-live-count__spin" aria-hidden="true" data-on={live.counting} />
        </div>
        <p className="rc-builder__excluded">{t('builder.excluded')}</p>
        {live.error ? <p className="rc-form-error" role="alert">{t('builder.invalid', { message: errText(live.error) })}</p> : null}
        <PreviewTable rows={live.sample} count={live.count} />
        <div className="rc-builder__actions">
          {error ? <p className="rc-form-error" role="alert">{error}</p> : null}
          <button type="button" className="btn" onClick={back}>
            {t('builder.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={saving || !draft.name.trim() || !live.count}>
            {saving ? t('builder.creating') : t('builder.create')}
          </button>
        </div>
      </div>
    </form>
  );
}
