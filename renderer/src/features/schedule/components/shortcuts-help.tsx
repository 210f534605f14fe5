import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useScheduleUi } from '../stores/schedule-ui.ts';
import './shortcuts-help.css';

/** The '?' dialog listing the keyboard shortcuts. */
export function ShortcutsHelp() {
  const { t } = useI18n();
  const open = useScheduleUi((s) => s.helpOpen);
  const setHelpOpen = useScheduleUi((s) => s.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  // Focus goes to Close when the dialog opens. Not React's autoFocus: that focuses at mount, into
  // the closed dialog, and the focus() forced a style pass over the whole page in the first render.
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      close.current?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  const rows: [string, string][] = [
    [t('help.prevNextKeys'), t('help.prevNext')],
    ['T', t('help.today')],
    ['G · Ctrl+G', t('help.datePicker')],
    [t('help.moveKeys'), t('help.move')],
    [t('help.openKeys'), t('help.open')],
    ['Esc', t('help.closePanel')],
    ['N', t('help.newBooking')],
    ['Ctrl+Z', t('help.undo')],
    ['Alt+1…9', t('help.screens')],
    [t('help.dragKeys'), t('help.drag')],
    ['?', t('help.help')],
  ];

  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      <h2 id="help-title">{t('help.title')}</h2>
      <dl className="help__list">
        {rows.map(([keys, what]) => (
          <div key={what} className="help__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="btn" ref={close}>
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
