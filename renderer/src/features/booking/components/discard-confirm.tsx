import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './discard-confirm.css';

interface Props {
  onDiscard(): void;
  onKeep(): void;
}

/**
 * "Discard this booking?" inside the booking dialog, asked when Escape (or ×) would drop what was
 * typed. Keep editing has the focus, so a second stray Escape or Enter loses nothing.
 */
export function DiscardConfirm({ onDiscard, onKeep }: Props) {
  const { t } = useI18n();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard" role="presentation">
      <div
        className="discard__box"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="discard-title"
        aria-describedby="discard-body"
        data-testid="discard-confirm"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onKeep();
          }
          if (e.key === 'Tab') {
            // Two buttons: Tab and Shift+Tab stay between them.
            const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            e.preventDefault();
            buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
          }
        }}
      >
        <h3 id="discard-title">{t('booking.discardTitle')}</h3>
        <p id="discard-body">{t('booking.discardBody')}</p>
        <div className="discard__buttons">
          <button type="button" ref={keep} className="btn btn--primary" onClick={onKeep} data-testid="discard-keep">
            {t('booking.keepEditing')}
          </button>
          <button type="button" className="btn btn--danger" onClick={onDiscard} data-testid="discard-yes">
            {t('booking.discard')}
          </button>
        </div>
      </div>
    </div>
  );
}
