import { useEffect, type RefObject } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { useScheduleUi } from '../stores/schedule-ui.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Day-level shortcuts: ← / → or PageUp / PageDown change the day, T goes to today, G or Ctrl+G
 * focuses the date picker, N opens the booking dialog, ? opens the help. Arrow keys on an appointment block move between
 * blocks instead (the block handles them first and stops them).
 */
export function useScheduleShortcuts(
  today: IsoDate | null,
  datePickerRef: RefObject<HTMLInputElement | null>,
  onEscape: () => void,
): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      const ui = useScheduleUi.getState();
      if (ui.helpOpen || document.querySelector('dialog[open]')) return; // a modal owns the keyboard
      if (e.ctrlKey) {
        if (e.key.toLowerCase() === 'g') {
          e.preventDefault();
          datePickerRef.current?.focus();
        }
        return;
      }
      if (isTyping(e.target)) return;
      const inPanel = e.target instanceof HTMLElement && e.target.closest('.panel') !== null;
      switch (e.key) {
        case 'Escape':
          if (ui.selectedId) onEscape();
          return;
        case 'PageUp':
          e.preventDefault();
          ui.shiftDate(-1);
          return;
        case 'PageDown':
          e.preventDefault();
          ui.shiftDate(1);
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (inPanel) return;
          e.preventDefault();
          ui.shiftDate(e.key === 'ArrowLeft' ? -1 : 1);
          return;
        case 't':
        case 'T':
          if (today) ui.setDate(today);
          return;
        case 'g':
        case 'G':
          e.preventDefault();
          datePickerRef.current?.focus();
          return;
        case 'n':
        case 'N':
          e.preventDefault();
          useBookingUi.getState().openBooking({});
          return;
        case '?':
          e.preventDefault();
          ui.setHelpOpen(true);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [today, datePickerRef, onEscape]);
}
