import { type InputHTMLAttributes, type KeyboardEvent, type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';

/** What a typed field's parser answers: the value it reads, or why it reads none. */
export type TypedParse<E extends string> = { ok: true; value: string } | { ok: false; error: E };

interface TypedTextOptions<E extends string, R extends TypedParse<E>> {
  /** The field's current value ('' for none). */
  value: string;
  /** That value written as the field shows it. */
  shown: string;
  parse(text: string): R;
  /** Words the error a parse answered of this text (already in the desk's language). */
  describe(error: E, text: string): string;
  required: boolean | undefined;
  onChange(value: string): void;
  outerRef: Ref<HTMLInputElement | null> | undefined;
}

/**
 * The state a text field typed by people shares with its kind (DateField, TimeField): the text as
 * typed, a value passed on only once it reads, the reason it does not read (as the input's custom
 * validity, so a form will not submit), and text that follows a value changed from outside unless
 * it already says it.
 */
export function useTypedText<E extends string, R extends TypedParse<E>>(options: TypedTextOptions<E, R>) {
  const { value, shown, parse, describe, required, onChange, outerRef } = options;
  const [text, setText] = useState(shown);
  const [touched, setTouched] = useState(false);
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    const current = parse(text);
    if (!(current.ok && current.value === value)) {
      setText(shown);
      setTouched(false);
    }
  }
  const result = parse(text);
  const problem = result.ok || (result.error === 'empty' && !required) ? null : result.error;
  const message = problem ? describe(problem, text) : '';
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(outerRef, () => ref.current as HTMLInputElement, []);
  useEffect(() => ref.current?.setCustomValidity(message), [message]);
  const errorId = useId();
  const showError = touched && problem !== null;

  const commit = (next: string) => {
    setText(next);
    const r = parse(next);
    if (r.ok) onChange(r.value);
    else if (r.error === 'empty' && !required && value !== '') onChange('');
  };
  /** A step by ↑/↓ shows the new text fresh (no error until the person types again). */
  const step = (next: string) => {
    setTouched(false);
    commit(next);
  };

  return { text, setText, setTouched, result, message, showError, errorId, ref, commit, step };
}

type InputAttrs = InputHTMLAttributes<HTMLInputElement>;

/** The attributes every typed field's input carries, merged with what its caller passed. */
export function typedInputAttrs(rest: InputAttrs, state: { showError: boolean; errorId: string }): InputAttrs {
  return {
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': state.showError || rest['aria-invalid'] === true || rest['aria-invalid'] === 'true' ? true : undefined,
    'aria-describedby': [rest['aria-describedby'], state.showError ? state.errorId : null].filter(Boolean).join(' ') || undefined,
  };
}

/** True for a plain ↑/↓ (no modifier): the key that steps a typed field's value. */
export function isStepKey(e: KeyboardEvent<HTMLInputElement>): boolean {
  return (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.ctrlKey && !e.metaKey;
}

/** The reason beside a typed field, once the person has left it or pressed Enter. */
export function TypedFieldError({ show, id, message, testId }: { show: boolean; id: string; message: string; testId: string }) {
  if (!show) return null;
  return (
    <span id={id} className="field__error date-field__error" role="alert" data-testid={testId}>
      {message}
    </span>
  );
}
