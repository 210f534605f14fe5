import { type FormEvent, useState } from 'react';
import { FormFooter } from '../../../components/form-footer.tsx';
import { Modal } from '../../../components/modal.tsx';
import { MoneyInput, parseAmount } from '../../../components/money-input.tsx';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAvailabilitySettings } from '../../../hooks/use-availability-settings.ts';
import { doctorName, OptionalSelect } from '../../../components/optional-select.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './treatment-plan-form.css';

interface StepDraft {
  key: number;
  procedure: string;
  tooth: string;
  doctorId: string;
  typeId: string;
  cost: string;
  minutes: string;
}

interface Props {
  patientId: string;
  currency: string;
  onClose(): void;
  onCreated(id: string): void;
}

let nextKey = 1;
const emptyStep = (): StepDraft => ({ key: nextKey++, procedure: '', tooth: '', doctorId: '', typeId: '', cost: '', minutes: '30' });

function minutesOk(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 5 && n <= 480 ? n : null;
}

/** New treatment plan: title, doctor, notes and ordered steps with cost and duration. */
export function TreatmentPlanForm({ patientId, currency, onClose, onCreated }: Props) {
  const { t, language } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const settings = useAvailabilitySettings().state.data;
  const doctors = settings?.doctors.filter((d) => d.active) ?? [];
  const types = settings?.appointmentTypes.filter((ty) => ty.active) ?? [];
  const [title, setTitle] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [notes, setNotes] = useState('');
  const [steps, setSteps] = useState<StepDraft[]>(() => [emptyStep()]);
  const [submitted, setSubmitted] = useState(false);
  const create = useCommandMutation('treatmentPlans.create');

  const update = (key: number, patch: Partial<StepDraft>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  const costs = steps.map((s) => parseAmount(s.cost, currency, language, true));
  const total = costs.reduce((sum, c) => sum + (c.ok ? c.value : 0), 0);
  const valid =
    title.trim() !== '' && steps.every((s, i) => s.procedure.trim() !== '' && costs[i]!.ok && minutesOk(s.minutes) !== null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    const answer = await create.run({
      patientId,
      title: title.trim(),
      ...(doctorId ? { doctorId } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      steps: steps.map((s, i) => ({
        procedure: s.procedure.trim(),
        ...(s.tooth.trim() ? { tooth: s.tooth.trim() } : {}),
        ...(s.doctorId ? { doctorId: s.doctorId } : {}),
        ...(s.typeId ? { appointmentTypeId: s.typeId } : {}),
        estimatedCostCents: (costs[i] as { value: number }).value,
        expectedMinutes: minutesOk(s.minutes)!,
      })),
    });
    if (answer?.ok) onCreated(answer.value.id);
  };

  const required = (text: string) => (submitted && text.trim() === '' ? t('input.required') : null);

  return (
    <Modal title={t('tp.new')} closeLabel={t('tp.cancel')} onClose={onClose} className="modal--wide" testId="treatment-plan-form">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form__row form__row--3">
          <div className={`field${required(title) ? ' field--invalid' : ''}`}>
            <label htmlFor="tp-title">{t('tp.title')}</label>
            <input id="tp-title" value={title} maxLength={200} placeholder={t('tp.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} autoFocus />
            <p className="field__error">{required(title) ?? ''}</p>
          </div>
          <div className="field">
            <label htmlFor="tp-doctor">{t('tp.doctor')}</label>
            <select id="tp-doctor" value={doctorId} onChange={(e) => setDoctorId(e.target.value)}>
              <option value="">—</option>
              {doctors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tp-notes">{t('tp.notes')}</label>
            <input id="tp-notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
          </div>
        </div>

        <fieldset className="steps-editor">
          <legend>{t('tp.steps')}</legend>
          <div className="steps-editor__head" aria-hidden="true">
            <span>#</span>
            <span>{t('tp.procedure')}</span>
            <span>{t('tp.tooth')}</span>
            <span>{t('tp.doctor')}</span>
            <span>{t('tp.type')}</span>
            <span>{t('tp.cost')}</span>
            <span>{t('tp.minutes')}</span>
            <span />
          </div>
          {steps.map((s, i) => (
            <div className="steps-editor__row" key={s.key} data-testid="step-row">
              <span className="steps-editor__n">{i + 1}</span>
              <div className={`field${submitted && !s.procedure.trim() ? ' field--invalid' : ''}`}>
                <input aria-label={`${t('tp.procedure')} ${i + 1}`} value={s.procedure} maxLength={200} onChange={(e) => update(s.key, { procedure: e.target.value })} />
                <p className="field__error">{required(s.procedure) ?? ''}</p>
              </div>
              <div className="field">
                <input aria-label={`${t('tp.tooth')} ${i + 1}`} value={s.tooth} maxLength={20} onChange={(e) => update(s.key, { tooth: e.target.value })} />
              </div>
              <div className="field">
                <OptionalSelect
                  aria-label={`${t('tp.doctor')} ${i + 1}`}
                  value={s.doctorId}
                  onChange={(doctorId) => update(s.key, { doctorId })}
                  none={t('tp.anyDoctor')}
                  items={doctors}
                  labelOf={doctorName}
                />
              </div>
              <div className="field">
                <OptionalSelect
                  aria-label={`${t('tp.type')} ${i + 1}`}
                  value={s.typeId}
                  onChange={(typeId) => update(s.key, { typeId })}
                  none={t('tp.noType')}
                  items={types}
                  labelOf={(ty) => ty.name}
                />
              </div>
              <MoneyInput
                label={`${t('tp.cost')} ${i + 1}`}
                value={s.cost}
                currency={currency}
                allowZero
                showErrors={submitted}
                onChange={(cost) => update(s.key, { cost })}
              />
              <div className={`field${minutesOk(s.minutes) === null ? ' field--invalid' : ''}`}>
                <input
                  aria-label={`${t('tp.minutes')} ${i + 1}`}
                  inputMode="numeric"
                  value={s.minutes}
                  onChange={(e) => update(s.key, { minutes: e.target.value })}
                />
                <p className="field__error">{minutesOk(s.minutes) === null ? '5–480' : ''}</p>
              </div>
              <span className="steps-editor__tools">
                <button type="button" className="btn btn--icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('tp.moveUp', { n: i + 1 })}>
                  ↑
                </button>
                <button type="button" className="btn btn--icon" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={t('tp.moveDown', { n: i + 1 })}>
                  ↓
                </button>
                <button type="button" className="btn btn--icon" disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))} aria-label={t('tp.removeStep', { n: i + 1 })}>
                  ×
                </button>
              </span>
            </div>
          ))}
          <div className="steps-editor__foot">
            <button type="button" className="btn" onClick={() => setSteps((all) => [...all, emptyStep()])} disabled={steps.length >= 50}>
              + {t('tp.addStep')}
            </button>
            <strong data-testid="tp-total">{t('tp.total', { amount: f.money(total, currency) })}</strong>
          </div>
        </fieldset>

        <FormFooter
          error={create.error ? t('tp.saveError', { message: errText(create.error) }) : null}
          saving={create.saving}
          onCancel={onClose}
          submitLabel={t('tp.create')}
          savingLabel={t('tp.saving')}
        />
      </form>
    </Modal>
  );
}
