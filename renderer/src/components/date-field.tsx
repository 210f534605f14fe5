import { type InputHTMLAttributes, type Ref, useMemo } from 'react';
import { addDaysIso, type IsoDate } from '../../../shared/domain/clinic-time.ts';
import { type DateInputError, datePatternOf, datePlaceholder, formatDateInput, parseDateInput } from '../../../shared/domain/date-input.ts';
import { DESK_LOCALES } from '../i18n/desk-locale.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { isStepKey, TypedFieldError, typedInputAttrs, useTypedText } from './typed-field.tsx';
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
  const field = useTypedText({
    value,
    shown,
    parse: (text: string) => parseDateInput(text, pattern, { ...(min ? { min } : {}), ...(max ? { max } : {}) }),
    describe: (problem: DateInputError, text: string) =>
      t(`field.date.${problem}`, { pattern: placeholder, text: text.trim(), min: formatDateInput(min ?? '', pattern), max: formatDateInput(max ?? '', pattern) }),
    required,
    onChange,
    outerRef,
  });
  const { result } = field;

  return (
    <>
      <input
        title={t('field.date.hint', { pattern: placeholder })}
        {...rest}
        ref={field.ref}
        {...typedInputAttrs(rest, field)}
        className={`${className ?? 'input'} date-field`}
        placeholder={placeholder}
        required={required}
        value={field.text}
        onChange={(e) => field.commit(e.target.value)}
        onBlur={(e) => {
          field.setTouched(true);
          if (result.ok) field.setText(formatDateInput(result.value, pattern));
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'Enter') field.setTouched(true);
          if (isStepKey(e)) {
            const base = result.ok ? result.value : value;
            if (!base) return;
            e.preventDefault();
            let next = addDaysIso(base, e.key === 'ArrowUp' ? 1 : -1);
            if (min && next < min) next = min;
            if (max && next > max) next = max;
            field.step(formatDateInput(next, pattern));
          }
        }}
      />
      <TypedFieldError show={field.showError} id={field.errorId} message={field.message} testId="date-field-error" />
    </>
  );
}
