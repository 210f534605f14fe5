import { useEffect, useRef } from 'react';
import { Modal } from './modal.tsx';

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm(): void;
  onKeep(): void;
  /** The confirm button looks dangerous (a final step). */
  danger?: boolean;
  testId?: string;
}

/**
 * Asks before a final or surprising step. Focus starts on the safe answer, so a stray Enter or
 * Space keeps things as they are; Esc keeps too. Only the confirm button itself goes ahead.
 */
export function ConfirmDialog({ title, body, confirmLabel, keepLabel, onConfirm, onKeep, danger = false, testId }: Props) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <Modal title={title} closeLabel={keepLabel} onClose={onKeep} className="modal--confirm" {...(testId ? { testId } : {})}>
      <p className="confirm__body">{body}</p>
      <div className="confirm__buttons">
        <button type="button" className="btn" ref={keep} onClick={onKeep} data-testid="confirm-keep">
          {keepLabel}
        </button>
        <button type="button" className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`} onClick={onConfirm} data-testid="confirm-ok">
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
