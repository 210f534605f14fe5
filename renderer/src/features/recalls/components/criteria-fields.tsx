import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { AvailabilitySettings } from '../../../../../shared/domain/availability-admin-types.ts';
import type { RecallType } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import type { CriteriaDraft } from '../lib/criteria-draft.ts';
import { doctorName, OptionalSelect } from '../../../components/optional-select.tsx';
import { DateField } from '../../../components/date-field.tsx';
import './criteria-fields.css';

interface Props {
  draft: CriteriaDraft;
  update(patch: Partial<CriteriaDraft>): void;
  types: RecallType[];
  settings: AvailabilitySettings | null;
  today: IsoDate;
}

/** The conditions of a campaign; every one is optional and they all must hold. */
export function CriteriaFields({ draft, update, types, settings, today }: Props) {
  const { t } = useI18n();
  const hasType = draft.recallTypeId !== '';
  const toggleType = (id: string) =>
    update({
      appointmentTypeIds: draft.appointmentTypeIds.includes(id)
        ? draft.appointmentTypeIds.filter((x) => x !== id)
        : [...draft.appointmentTypeIds, id],
    });

  return (
    <fieldset className="rc-criteria" data-testid="criteria">
      <legend className="sr-only">{t('recalls.criteriaSummary')}</legend>
      <label className="rc-field">
        <span>{t('builder.recallType')}</span>
        <select value={draft.recallTypeId} onChange={(e) => update({ recallTypeId: e.target.value })} data-testid="criteria-recall-type">
          <option value="">{t('builder.noRecallType')}</option>
          {types
            .filter((rt) => rt.active)
            .map((rt) => (
              <option key={rt.id} value={rt.id}>
                {rt.name} · {rt.intervalMonths === 1 ? t('recallTypes.everyMonth') : t('recallTypes.every', { months: rt.intervalMonths })}
              </option>
            ))}
        </select>
      </label>

      <div className="rc-field">
        <span>{t('builder.due')}</span>
        <div className="rc-field-row rc-field-row--wrap">
          <select
            value={draft.dueMode}
            disabled={!hasType}
            aria-label={t('builder.due')}
            data-testid="criteria-due-mode"
            onChange={(e) => update({ dueMode: e.target.value as CriteriaDraft['dueMode'] })}
          >
            <option value="none">{t('builder.due.none')}</option>
            <option value="window">{t('builder.due.window')}</option>
            <option value="overdue">{t('builder.due.overdue')}</option>
          </select>
          {hasType && draft.dueMode === 'window' ? (
            <>
              <DateField className="" aria-label={t('builder.due.window')} value={draft.dueFrom} min="2000-01-01" onChange={(v) => update({ dueFrom: v })} />
              <span>{t('builder.and')}</span>
              <DateField className="" aria-label={t('builder.and')} value={draft.dueTo} min={draft.dueFrom || today} onChange={(v) => update({ dueTo: v })} />
            </>
          ) : null}
          {hasType && draft.dueMode === 'overdue' ? (
            <>
              <input
                className="input--num"
                inputMode="numeric"
                aria-label={t('builder.due.overdue')}
                data-testid="criteria-overdue-days"
                value={draft.overdueDays}
                onChange={(e) => update({ overdueDays: e.target.value })}
              />
              <span>{t('builder.days')}</span>
            </>
          ) : null}
        </div>
        {!hasType ? <small className="rc-field__hint">{t('builder.due.needsType')}</small> : null}
      </div>

      <label className="rc-field">
        <span>{t('builder.lastVisitBefore')}</span>
        <DateField className="" value={draft.lastVisitBefore} max={today} onChange={(v) => update({ lastVisitBefore: v })} />
      </label>

      <div className="rc-field">
        <span>{t('builder.apptTypes')}</span>
        <div className="rc-chips">
          {(settings?.appointmentTypes ?? []).map((at) => (
            <label key={at.id} className="rc-chip">
              <input type="checkbox" checked={draft.appointmentTypeIds.includes(at.id)} onChange={() => toggleType(at.id)} />
              {at.name}
            </label>
          ))}
        </div>
      </div>

      <label className="rc-field">
        <span>{t('builder.procedures')}</span>
        <input value={draft.procedures} placeholder={t('builder.proceduresPlaceholder')} onChange={(e) => update({ procedures: e.target.value })} />
      </label>

      <div className="rc-field-row">
        <label className="rc-field">
          <span>{t('builder.doctor')}</span>
          <OptionalSelect
            value={draft.doctorId}
            onChange={(doctorId) => update({ doctorId })}
            none={t('builder.anyDoctor')}
            items={settings?.doctors ?? []}
            labelOf={doctorName}
          />
        </label>
        <div className="rc-field">
          <span>{t('builder.age')}</span>
          <div className="rc-field-row">
            <input className="input--num" inputMode="numeric" aria-label={`${t('builder.age')} ${t('builder.ageFrom')}`} placeholder={t('builder.ageFrom')} value={draft.ageMin} onChange={(e) => update({ ageMin: e.target.value })} />
            <span>–</span>
            <input className="input--num" inputMode="numeric" aria-label={`${t('builder.age')} ${t('builder.ageTo')}`} placeholder={t('builder.ageTo')} value={draft.ageMax} onChange={(e) => update({ ageMax: e.target.value })} />
          </div>
        </div>
      </div>

      <label className="rc-check">
        <input type="checkbox" checked={draft.noFutureAppointment} onChange={(e) => update({ noFutureAppointment: e.target.checked })} />
        {t('builder.noFuture')}
      </label>
    </fieldset>
  );
}
