import { useCallback, useEffect, useRef, useState } from 'react';
import { useUndo } from '../data/undo-commands.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useAppUi } from '../stores/app-ui.ts';
import { useBookingUi } from '../stores/booking-ui.ts';
import { undoText } from './undo-words.ts';
import { useErrorText } from '../i18n/error-text.ts';

type Toast = { kind: 'offer'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const SHOW_MS = 12_000;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * After every undoable action: "<what was done> · Undo" ("Booked José Álvarez, Wed 9 Dec 09:30"),
 * worded here from the facts of appointments.undo {preview: true}. Ctrl+Z (outside text fields)
 * undoes the last action too.
 */
export function UndoToast() {
  const { t, language } = useI18n();
  const timeZone = useAppUi((s) => s.timeZone) ?? 'UTC';
  const errText = useErrorText();
  const seq = useBookingUi((s) => s.actionSeq);
  const { preview, undo: undoLast } = useUndo();
  const [toast, setToast] = useState<Toast | null>(null);
  // Worded once per action: switching the language later does not bring a dismissed toast back.
  const words = useRef({ language, timeZone });
  words.current = { language, timeZone };

  useEffect(() => {
    if (seq === 0) return;
    let live = true;
    void preview().then((a) => {
      const { language: lang, timeZone: tz } = words.current;
      if (live) setToast(a.ok ? { kind: 'offer', text: undoText(lang, a.value.facts, tz, 'did') } : null);
    });
    return () => {
      live = false;
    };
  }, [seq, preview]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const undo = useCallback(async () => {
    const a = await undoLast();
    setToast(a.ok ? { kind: 'done', text: undoText(language, a.value.facts, timeZone, 'undone') } : { kind: 'error', text: errText(a.error) });
  }, [errText, language, timeZone, undoLast]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`toast toast--${toast.kind}`} data-testid="undo-toast">
          <span className="toast__text">{toast.text}</span>
          {toast.kind === 'offer' && (
            <button type="button" className="btn btn--small" onClick={() => void undo()} title="Ctrl+Z" data-testid="undo-button">
              {t('undo.button')}
            </button>
          )}
          <button type="button" className="btn btn--icon btn--small" onClick={() => setToast(null)} aria-label={t('detail.close')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
