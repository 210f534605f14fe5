import type { InputHTMLAttributes, Ref } from 'react';
import { minuteToClock, parseTimeInput, type TimeInputError } from '../../../shared/domain/date-input.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { isStepKey, TypedFieldError, typedInputAttrs, useTypedText } from './typed-field.tsx';
import './date-field.css';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'step' | 'placeholder'>;

interface Props extends Passed {
  /** "HH:mm" (24-hour), or '' for none. */
  value: string;
  onChange(value: string): void;
  /** The grid times must sit on (5 = every five minutes); ↑/↓ move by it. */
  stepMinutes?: number;
  'data-testid'?: string;
  ref?: Ref<HTMLInputElement | null>;
}

/** A 24-hour time of day ("09:30") on every desk; bad text says why and changes nothing. */
export function TimeField({ value, onChange, stepMinutes = 1, required, className, onBlur, onKeyDown, ref: outerRef, ...rest }: Props) {
  const { t } = useI18n();
  const field = useTypedText({
    value,
    shown: value,
    parse: (text: string) => parseTimeInput(text, stepMinutes),
    describe: (problem: TimeInputError) => t(`field.time.${problem}`, { step: stepMinutes }),
    required,
    onChange,
    outerRef,
  });
  const { result } = field;

  return (
    <>
      <input
        {...rest}
        ref={field.ref}
        {...typedInputAttrs(rest, field)}
        className={`${className ?? 'input'} time-field`}
        placeholder={t('field.time.placeholder')}
        required={required}
        value={field.text}
        onChange={(e) => field.commit(e.target.value)}
        onBlur={(e) => {
          field.setTouched(true);
          if (result.ok) field.setText(result.value);
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'Enter') field.setTouched(true);
          if (isStepKey(e)) {
            if (!result.ok) return;
            e.preventDefault();
            const day = 24 * 60;
            const next = (result.minute + (e.key === 'ArrowUp' ? stepMinutes : -stepMinutes) + day) % day;
            field.step(minuteToClock(next - (next % stepMinutes)));
          }
        }}
      />
      <TypedFieldError show={field.showError} id={field.errorId} message={field.message} testId="time-field-error" />
    </>
  );
}
