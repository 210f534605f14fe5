import { type InputHTMLAttributes, type Ref, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { addDaysIso, type IsoDate } from '../../../shared/domain/clinic-time.ts';
import { datePatternOf, datePlaceholder, formatDateInput, parseDateInput } from '../../../shared/domain/date-input.ts';
import { DESK_LOCALES } from '../i18n/desk-locale.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import './date-field.css';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'min' | 'max' | 'placeholder'>;

interface Props extends Passed {
  /** An ISO date, or '' for none. */
  value: IsoDate;
  /** Called with an ISO date once the text is a valid day in range; with '' when an optional field is cleared. */
  onChange(value: IsoDate): void;
  min?: IsoDate | undefined;
  max?: IsoDate | undefined;
  'data-testid'?: string;
  ref?: Ref<HTMLInputElement | null>;
}

/**
 * A date typed in the desk language's order (dd/mm/aaaa in Spanish, dd/mm/yyyy on the en-GB desk),
 * never the browser's. ↑/↓ move a day. Bad text shows why beside the field, blocks the form's
 * submit and changes nothing: the value stays the last valid date.
 */
export function DateField({ value, onChange, min, max, required, className, onBlur, onKeyDown, ref: outerRef, ...rest }: Props) {
  const { t, language } = useI18n();
  const pattern = useMemo(() => datePatternOf(DESK_LOCALES[language]), [language]);
  const placeholder = datePlaceholder(pattern, { day: t('field.date.day'), month: t('field.date.month'), year: t('field.date.year') });
  const shown = formatDateInput(value, pattern);
  const [text, setText] = useState(shown);
  const [touched, setTouched] = useState(false);
  // The value or the language changed from outside: show it, unless the text already says it.
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    const current = parseDateInput(text, pattern);
    if (!(current.ok && current.value === value)) {
      setText(shown);
      setTouched(false);
    }
  }
  const result = parseDateInput(text, pattern, { ...(min ? { min } : {}), ...(max ? { max } : {}) });
  const problem = result.ok || (result.error === 'empty' && !required) ? null : result.error;
  const message = problem
    ? t(`field.date.${problem}`, { pattern: placeholder, text: text.trim(), min: formatDateInput(min ?? '', pattern), max: formatDateInput(max ?? '', pattern) })
    : '';
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(outerRef, () => ref.current as HTMLInputElement, []);
  useEffect(() => ref.current?.setCustomValidity(message), [message]);
  const errorId = useId();
  const showError = touched && problem !== null;

  const commit = (next: string) => {
    setText(next);
    const r = parseDateInput(next, pattern, { ...(min ? { min } : {}), ...(max ? { max } : {}) });
    if (r.ok) onChange(r.value);
    else if (r.error === 'empty' && !required && value !== '') onChange('');
  };

  return (
    <>
      <input
        title={t('field.date.hint', { pattern: placeholder })}
        {...rest}
        ref={ref}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={`${className ?? 'input'} date-field`}
        placeholder={placeholder}
        required={required}
        value={text}
        aria-invalid={showError || rest['aria-invalid'] === true || rest['aria-invalid'] === 'true' ? true : undefined}
        aria-describedby={[rest['aria-describedby'], showError ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => commit(e.target.value)}
        onBlur={(e) => {
          setTouched(true);
          if (result.ok) setText(formatDateInput(result.value, pattern));
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'Enter') setTouched(true);
          if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.ctrlKey && !e.metaKey) {
            const base = result.ok ? result.value : value;
            if (!base) return;
            e.preventDefault();
            let next = addDaysIso(base, e.key === 'ArrowUp' ? 1 : -1);
            if (min && next < min) next = min;
            if (max && next > max) next = max;
            setTouched(false);
            commit(formatDateInput(next, pattern));
          }
        }}
      />
      {showError && (
        <span id={errorId} className="field__error date-field__error" role="alert" data-testid="date-field-error">
          {message}
        </span>
      )}
    </>
  );
}
