import { type InputHTMLAttributes, type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { minuteToClock, parseTimeInput } from '../../../shared/domain/date-input.ts';
import { useI18n } from '../i18n/use-i18n.ts';
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
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(false);
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    const current = parseTimeInput(text);
    if (!(current.ok && current.value === value)) {
      setText(value);
      setTouched(false);
    }
  }
  const result = parseTimeInput(text, stepMinutes);
  const problem = result.ok || (result.error === 'empty' && !required) ? null : result.error;
  const message = problem ? t(`field.time.${problem}`, { step: stepMinutes }) : '';
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(outerRef, () => ref.current as HTMLInputElement, []);
  useEffect(() => ref.current?.setCustomValidity(message), [message]);
  const errorId = useId();
  const showError = touched && problem !== null;

  const commit = (next: string) => {
    setText(next);
    const r = parseTimeInput(next, stepMinutes);
    if (r.ok) onChange(r.value);
    else if (r.error === 'empty' && !required && value !== '') onChange('');
  };

  return (
    <>
      <input
        {...rest}
        ref={ref}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={`${className ?? 'input'} time-field`}
        placeholder={t('field.time.placeholder')}
        required={required}
        value={text}
        aria-invalid={showError || rest['aria-invalid'] === true || rest['aria-invalid'] === 'true' ? true : undefined}
        aria-describedby={[rest['aria-describedby'], showError ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => commit(e.target.value)}
        onBlur={(e) => {
          setTouched(true);
          if (result.ok) setText(result.value);
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'Enter') setTouched(true);
          if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.ctrlKey && !e.metaKey) {
            if (!result.ok) return;
            e.preventDefault();
            const day = 24 * 60;
            const next = (result.minute + (e.key === 'ArrowUp' ? stepMinutes : -stepMinutes) + day) % day;
            setTouched(false);
            commit(minuteToClock(next - (next % stepMinutes)));
          }
        }}
      />
      {showError && (
        <span id={errorId} className="field__error date-field__error" role="alert" data-testid="time-field-error">
          {message}
        </span>
      )}
    </>
  );
}
