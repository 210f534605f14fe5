import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { localMinuteToInstant } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../api.ts';
import { PX_PER_MINUTE, spanOf } from '../lib/day-layout.ts';

/** Where a dragged block is shown: offset from its place, and the time and doctor it would get. */
export interface DragState {
  id: string;
  dx: number;
  dy: number;
  minute: number;
  doctorId: string;
  /** Dropped; waiting for the command's answer (the block stays where it was dropped). */
  saving: boolean;
}

const MOVABLE = new Set(['scheduled', 'confirmed']);
const THRESHOLD_PX = 5;

function columns(): { id: string; left: number; right: number }[] {
  return [...document.querySelectorAll<HTMLElement>('.grid .doctor-col[data-doctor-id]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.dataset.doctorId!, left: r.left, right: r.right };
  });
}

/**
 * Drag to reschedule on the day grid (pointer events): the block follows the pointer snapped to
 * the clinic's slot grid; over another doctor's column it changes doctor. On drop it asks
 * appointments.reschedule; a refusal snaps the block back and reports the command's message.
 */
export function useDragReschedule(
  schedule: DaySchedule,
  onMoved: () => void,
  onRefused: (error: CommandErrorData) => void,
) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const live = useRef<DragState | null>(null);

  const begin = useCallback(
    (e: ReactPointerEvent<HTMLElement>, a: DayAppointment) => {
      if (e.button !== 0 || !MOVABLE.has(a.status) || live.current?.saving) return;
      const el = e.currentTarget;
      const x0 = e.clientX;
      const y0 = e.clientY;
      const slot = schedule.clinic.slotMinutes;
      const startMinute = spanOf(a, schedule).start;
      const cols = columns();
      const home = cols.find((c) => c.id === a.doctorId);
      let started = false;

      const move = (ev: PointerEvent) => {
        const dxRaw = ev.clientX - x0;
        const dyRaw = ev.clientY - y0;
        if (!started && Math.hypot(dxRaw, dyRaw) < THRESHOLD_PX) return;
        if (!started) {
          started = true;
          el.setPointerCapture?.(e.pointerId);
        }
        const minute = Math.max(0, Math.min(24 * 60 - slot, Math.round((startMinute + dyRaw / PX_PER_MINUTE) / slot) * slot));
        const over = cols.find((c) => ev.clientX >= c.left && ev.clientX < c.right) ?? home;
        const next: DragState = {
          id: a.id,
          dx: over && home ? over.left - home.left : 0,
          dy: (minute - startMinute) * PX_PER_MINUTE,
          minute,
          doctorId: over?.id ?? a.doctorId,
          saving: false,
        };
        live.current = next;
        setDrag(next);
      };

      const end = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', cancel);
        if (!started) return;
        // The click that follows a drag must not open the panel.
        el.addEventListener('click', (ev) => ev.stopPropagation(), { capture: true, once: true });
        const target = live.current;
        if (!target || (target.minute === startMinute && target.doctorId === a.doctorId)) {
          live.current = null;
          setDrag(null);
          return;
        }
        const saving = { ...target, saving: true };
        live.current = saving;
        setDrag(saving);
        const startsAt = localMinuteToInstant(schedule.date, target.minute, schedule.clinic.timeZone);
        void invoke('appointments.reschedule', {
          id: a.id,
          startsAt,
          ...(target.doctorId !== a.doctorId ? { doctorId: target.doctorId } : {}),
        }).then((answer) => {
          if (answer.ok) {
            // Stay at the drop place until the refreshed day arrives (no snap-back flicker).
            onMoved();
            setTimeout(() => {
              if (live.current === saving) {
                live.current = null;
                setDrag(null);
              }
            }, 3000);
            return;
          }
          live.current = null;
          setDrag(null);
          onRefused(answer.error);
        });
      };

      const cancel = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', cancel);
        live.current = null;
        setDrag(null);
      };

      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', cancel);
    },
    [schedule, onMoved, onRefused],
  );

  // A new day schedule (after the move was saved) shows the block at its new place.
  useEffect(() => {
    if (live.current?.saving) {
      live.current = null;
      setDrag(null);
    }
  }, [schedule]);

  return { drag, begin };
}
