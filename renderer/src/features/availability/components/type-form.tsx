import { useState, type FormEvent } from 'react';
import type { AppointmentTypeView } from '../../../../../shared/domain/availability-admin-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { bareMessage } from '../hooks/use-guarded-write.ts';
import { FieldError } from './field-error.tsx';

export interface TypeDraft {
  name: string;
  duration: string;
  color: string;
  active: boolean;
}

type Field = 'name' | 'durationMinutes' | 'color';
const MAX_NAME = 80;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export const draftOf = (ty?: AppointmentTypeView): TypeDraft =>
  ty ? { name: ty.name, duration: String(ty.durationMinutes), color: ty.color, active: ty.active } : { name: '', duration: '30', color: '#4f7cac', active: true };

/** Minutes 5–480 typed as text; null when not a whole number in range. */
export function parseMinutes(v: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(v)) return null;
  const n = Number(v);
  return n >= 5 && n <= 480 ? n : null;
}

interface Props {
  id: string;
  initial: TypeDraft;
  /** Other types' names (case-insensitive duplicates are refused). */
  takenNames: string[];
  serverError: CommandErrorData | null;
  busy: boolean;
  submitLabel: string;
  onSubmit(value: { name: string; durationMinutes: number; color: string; active: boolean }): void;
  onCancel?: () => void;
}

/** Name, default duration, colour and active flag of one appointment type, checked field by field. */
export function TypeForm({ id, initial, takenNames, serverError, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = draft.name.trim();
    const minutes = parseMinutes(draft.duration);
    const next: Partial<Record<Field, string>> = {};
    if (!name) next.name = t('avail.err.required');
    else if (name.length > MAX_NAME) next.name = t('avail.err.tooLong', { max: MAX_NAME });
    else if (takenNames.some((n) => n.toLowerCase() === name.toLowerCase())) next.name = t('avail.err.nameTaken');
    if (minutes === null) next.durationMinutes = t('avail.err.duration');
    if (!COLOR.test(draft.color)) next.color = t('avail.err.color');
    setErrors(next);
    if (Object.keys(next).length === 0) onSubmit({ name, durationMinutes: minutes!, color: draft.color.toLowerCase(), active: draft.active });
  };
  const errorOf = (f: Field) => errors[f] ?? (serverError?.field === f ? bareMessage(serverError) : undefined);
  const set = (patch: Partial<TypeDraft>, field: Field) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const field = (f: Field) => ({
    'aria-invalid': Boolean(errorOf(f)),
    'aria-describedby': `${id}-${f}-error`,
  });

  return (
    <form className="type-form" onSubmit={submit} noValidate data-testid="type-form">
      <label className={`field type-form__name${errorOf('name') ? ' field--error' : ''}`}>
        <span>{t('avail.name')}</span>
        <input className="input" name="name" value={draft.name} onChange={(e) => set({ name: e.target.value }, 'name')} {...field('name')} />
        <FieldError id={`${id}-name-error`} message={errorOf('name')} />
      </label>
      <label className={`field type-form__minutes${errorOf('durationMinutes') ? ' field--error' : ''}`}>
        <span>{t('avail.defaultMinutes')}</span>
        <input
          className="input"
          name="durationMinutes"
          inputMode="numeric"
          value={draft.duration}
          onChange={(e) => set({ duration: e.target.value }, 'durationMinutes')}
          {...field('durationMinutes')}
        />
        <FieldError id={`${id}-durationMinutes-error`} message={errorOf('durationMinutes')} />
      </label>
      <div className={`field type-form__color${errorOf('color') ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-color`}>{t('avail.color')}</label>
        <span className="type-form__color-pair">
          <input
            className="type-form__swatch"
            type="color"
            aria-label={t('avail.colorPicker')}
            value={COLOR.test(draft.color) ? draft.color.toLowerCase() : '#000000'}
            onChange={(e) => set({ color: e.target.value }, 'color')}
          />
          <input
            id={`${id}-color`}
            className="input"
            name="color"
            value={draft.color}
            spellCheck={false}
            onChange={(e) => set({ color: e.target.value.trim() }, 'color')}
            {...field('color')}
          />
        </span>
        <FieldError id={`${id}-color-error`} message={errorOf('color')} />
      </div>
      <label className="field field--check type-form__active">
        <input type="checkbox" name="active" checked={draft.active} onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))} />
        <span>{t('avail.active')}</span>
      </label>
      <div className="type-form__actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('avail.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
