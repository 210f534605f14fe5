import { useState } from 'react';
import type { RecallType } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useClinicSettings, useRecallTypes } from '../api/use-recall-data.ts';
import { useCreateRecallType, useUpdateRecallType } from '../api/recall-writes.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import './recall-types-editor.css';

interface Form {
  id: string | null;
  name: string;
  intervalMonths: string;
  basis: RecallType['basis'];
  appointmentTypeIds: string[];
  active: boolean;
}

const NEW: Form = { id: null, name: '', intervalMonths: '6', basis: 'appointment_types', appointmentTypeIds: [], active: true };

/** Recall types: how often patients come back, counted from which visits. */
export function RecallTypesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const types = useRecallTypes();
  const createType = useCreateRecallType();
  const updateType = useUpdateRecallType();
  const apptTypes = useClinicSettings().state.data?.appointmentTypes ?? [];
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);
  const every = (months: number) => (months === 1 ? t('recallTypes.everyMonth') : t('recallTypes.every', { months }));
  const typeName = (id: string) => apptTypes.find((a) => a.id === id)?.name ?? '?';

  const describe = (rt: RecallType) => {
    const after =
      rt.basis === 'treatment_plan'
        ? t('recallTypes.afterPlan')
        : rt.appointmentTypeIds.length === 0
          ? t('recallTypes.afterAny')
          : t('recallTypes.afterTypes', { types: rt.appointmentTypeIds.map(typeName).join(', ') });
    return `${every(rt.intervalMonths)} ${after}`;
  };

  const save = async (f: Form) => {
    setError(null);
    const body = {
      name: f.name,
      intervalMonths: Number(f.intervalMonths),
      basis: f.basis,
      appointmentTypeIds: f.basis === 'appointment_types' ? f.appointmentTypeIds : [],
      active: f.active,
    };
    const answer = f.id ? await updateType({ id: f.id, ...body }) : await createType(body);
    if (!answer.ok) setError(errText(answer.error));
    else setForm(null);
  };

  return (
    <div className="types-editor" data-testid="recall-types">
      <header className="rc-campaign__head">
        <h1>{t('recallTypes.title')}</h1>
        <p className="rc-campaign__meta">{t('recallTypes.hint')}</p>
      </header>
      <ul className="types-list">
        {(types.state.data ?? []).map((rt) => (
          <li key={rt.id} className="types-list__item" data-active={rt.active}>
            <div>
              <strong>{rt.name}</strong>
              {rt.active ? null : <span className="rc-muted"> · {t('recallTypes.inactive')}</span>}
              <div className="rc-muted">{describe(rt)}</div>
            </div>
            {canEdit ? (
              <button
                type="button"
                className="btn"
                onClick={() =>
                  setForm({ id: rt.id, name: rt.name, intervalMonths: String(rt.intervalMonths), basis: rt.basis, appointmentTypeIds: rt.appointmentTypeIds, active: rt.active })
                }
              >
                {t('recallTypes.edit')}
              </button>
            ) : null}
          </li>
        ))}
        {types.state.status === 'ready' && types.state.data.length === 0 ? <li className="rc-muted">{t('recallTypes.empty')}</li> : null}
      </ul>
      {canEdit && !form ? (
        <button type="button" className="btn btn--primary" onClick={() => setForm(NEW)}>
          {t('recallTypes.add')}
        </button>
      ) : null}
      {canEdit && form ? (
        <form
          className="types-form"
          data-testid="recall-type-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(form);
          }}
        >
          <div className="rc-field-row">
            <label className="rc-field">
              <span>{t('recallTypes.name')}</span>
              <input required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </label>
            <label className="rc-field rc-field--narrow">
              <span>{t('recallTypes.interval')}</span>
              <input type="number" min={1} max={120} required value={form.intervalMonths} onChange={(e) => setForm({ ...form, intervalMonths: e.target.value })} />
            </label>
          </div>
          <fieldset className="rc-field">
            <legend>{t('recallTypes.basis')}</legend>
            {(['appointment_types', 'treatment_plan'] as const).map((b) => (
              <label key={b} className="rc-check">
                <input type="radio" name="basis" checked={form.basis === b} onChange={() => setForm({ ...form, basis: b })} />
                {t(`recallTypes.basis.${b}`)}
              </label>
            ))}
          </fieldset>
          {form.basis === 'appointment_types' ? (
            <div className="rc-field">
              <div className="rc-chips">
                {apptTypes.map((at) => (
                  <label key={at.id} className="rc-chip">
                    <input
                      type="checkbox"
                      checked={form.appointmentTypeIds.includes(at.id)}
                      onChange={() =>
                        setForm({
                          ...form,
                          appointmentTypeIds: form.appointmentTypeIds.includes(at.id)
                            ? form.appointmentTypeIds.filter((x) => x !== at.id)
                            : [...form.appointmentTypeIds, at.id],
                        })
                      }
                    />
                    {at.name}
                  </label>
                ))}
              </div>
              <small className="rc-field__hint">{t('recallTypes.anyType')}</small>
            </div>
          ) : null}
          <label className="rc-check">
            <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
            {t('recallTypes.active')}
          </label>
          {error ? <p className="rc-form-error" role="alert">{error}</p> : null}
          <div className="rc-builder__actions">
            <button type="button" className="btn" onClick={() => setForm(null)}>
              {t('recallTypes.cancel')}
            </button>
            <button type="submit" className="btn btn--primary">
              {t('recallTypes.save')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
