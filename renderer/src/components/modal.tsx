import { type ReactNode, useEffect, useRef } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class on the dialog (e.g. a wider form, or the receipt's print layout). */
  className?: string;
  testId?: string;
}

/** A modal <dialog>: focus stays inside, Esc closes, the page behind is inert. */
export function Modal({ title, closeLabel, onClose, children, className, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="modal__header">
        <h2>{title}</h2>
        <button type="button" className="btn btn--icon modal__close" onClick={onClose} aria-label={closeLabel} title={`${closeLabel} (Esc)`}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {children}
    </dialog>
  );
}
