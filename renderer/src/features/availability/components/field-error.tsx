/** A field's error under it, tied to the input by id (aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span className="field__error" id={id} role="alert">
      {message}
    </span>
  );
}
