import type { Ref } from 'react';

/** One labelled input of the sign-in and lock screens; marked invalid while an error shows. */
export function AuthField(props: {
  label: string;
  type: 'email' | 'password';
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  required?: boolean;
}) {
  return (
    <label className="auth__field">
      <span>{props.label}</span>
      <input
        ref={props.inputRef}
        type={props.type}
        name={props.name}
        autoComplete={props.type === 'email' ? 'username' : 'current-password'}
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.invalid ? true : undefined}
      />
    </label>
  );
}

/** The screen's error line, announced to screen readers. */
export function AuthError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="auth__error" role="alert" data-testid="auth-error">
      {error}
    </p>
  );
}
