import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { localMinuteToInstant } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useRescheduleAppointment } from '../../../data/appointment-writes.ts';
import { axisSpan, PX_PER_MINUTE, spanOf } from '../lib/day-layout.ts';
import { type DropConflict, dropConflict, landingFor } from '../lib/drag-landing.ts';
import { edgeScrollStep, scrollWithin } from '../lib/edge-scroll.ts';

/** Where a dragged block is shown: offset from its place, and the time and doctor it would get. */
export interface DragState {
  id: string;
  dx: number;
  dy: number;
  /** Start minute it lands on (inside the grid), the one under the pointer, and the visit's length. */
  minute: number;
  pointerMinute: number;
  durationMinutes: number;
  /** The grid's ends moved it from the time under the pointer: the drop asks before saving. */
  fitted: boolean;
  doctorId: string;
  /** The new doctor's name when it moves to another doctor's column, else null. */
  doctorName: string | null;
  /** What is in the way at the landing (the command will refuse it), from the day's data. */
  conflict: DropConflict | null;
  /** Dropped; waiting for the command's answer (the block stays where it was dropped). */
  saving: boolean;
}

/** A drop that landed elsewhere than under the pointer, waiting for the desk's yes or no. */
export interface PendingDrop {
  drag: DragState;
  /** The visit's start minute before the drag. */
  fromMinute: number;
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
 * the clinic's slot grid and kept inside the grid (the whole visit, start + duration); over
 * another doctor's column it changes doctor; held near an edge of the grid it scrolls the grid
 * (doctors out of view, later hours), up to the grid's ends. While it moves, its label says the
 * time it lands on and what is in the way there. On drop it asks appointments.reschedule; when
 * the landing is not the time under the pointer it asks the desk first (`pending`). A refusal
 * snaps the block back and reports the command's error.
 */
export function useDragReschedule(
  schedule: DaySchedule,
  onMoved: () => void,
  onRefused: (error: CommandErrorData) => void,
) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const [pending, setPending] = useState<PendingDrop | null>(null);
  const live = useRef<DragState | null>(null);
  const { reschedule } = useRescheduleAppointment();

  const save = useCallback(
    (target: DragState, a: { id: string; doctorId: string }) => {
      const saving = { ...target, saving: true };
      live.current = saving;
      setDrag(saving);
      const startsAt = localMinuteToInstant(schedule.date, target.minute, schedule.clinic.timeZone);
      void reschedule({
        id: a.id,
        startsAt,
        ...(target.doctorId !== a.doctorId ? { doctorId: target.doctorId } : {}),
      }).then((answer) => {
        if (answer?.ok) {
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
        if (answer) onRefused(answer.error);
      });
    },
    [schedule, onMoved, onRefused, reschedule],
  );

  const begin = useCallback(
    (e: ReactPointerEvent<HTMLElement>, a: DayAppointment) => {
      if (e.button !== 0 || !MOVABLE.has(a.status) || live.current) return;
      const el = e.currentTarget;
      const x0 = e.clientX;
      const y0 = e.clientY;
      const slot = schedule.clinic.slotMinutes;
      const span = spanOf(a, schedule);
      const startMinute = span.start;
      const durationMinutes = span.end - span.start;
      const grid = axisSpan(schedule);
      const cols = columns();
      const home = cols.find((c) => c.id === a.doctorId);
      // Near an edge of the grid the grid scrolls (doctors out of view, later hours); the pointer
      // is then placed in the content by how far it scrolled since the drag began.
      const scroller = el.closest<HTMLElement>('.grid__scroll');
      const scrolled0 = { x: scroller?.scrollLeft ?? 0, y: scroller?.scrollTop ?? 0 };
      let pointer = { x: x0, y: y0 };
      let frame = 0;
      let started = false;

      const place = () => {
        const sx = (scroller?.scrollLeft ?? 0) - scrolled0.x;
        const sy = (scroller?.scrollTop ?? 0) - scrolled0.y;
        const dyRaw = pointer.y - y0 + sy;
        const x = pointer.x + sx;
        const landing = landingFor(startMinute + dyRaw / PX_PER_MINUTE, durationMinutes, slot, grid);
        // Past the first or last column (the grid can show space beside its columns): the nearest one.
        const over =
          cols.find((c) => x >= c.left && x < c.right) ??
          (cols.length > 0 && x >= cols[cols.length - 1]!.right ? cols[cols.length - 1] : cols.length > 0 && x < cols[0]!.left ? cols[0] : home);
        const doctorId = over?.id ?? a.doctorId;
        const moved = landing.minute !== startMinute || doctorId !== a.doctorId;
        const next: DragState = {
          id: a.id,
          dx: over && home ? over.left - home.left : 0,
          dy: (landing.minute - startMinute) * PX_PER_MINUTE,
          minute: landing.minute,
          pointerMinute: landing.pointerMinute,
          durationMinutes,
          fitted: landing.fitted,
          doctorId,
          doctorName: doctorId === a.doctorId ? null : (schedule.doctors.find((d) => d.id === doctorId)?.displayName ?? null),
          conflict: moved ? dropConflict(schedule, a.id, doctorId, { start: landing.minute, end: landing.minute + durationMinutes }) : null,
          saving: false,
        };
        live.current = next;
        setDrag(next);
      };

      const edgeScroll = () => {
        frame = 0;
        if (!scroller) return;
        const box = scroller.getBoundingClientRect();
        // The content shows right of the sticky time axis and below the sticky doctor heads.
        const corner = scroller.querySelector('.grid__corner')?.getBoundingClientRect();
        // Never past the grid's ends: the body's bottom is the last row, whatever a dragged block adds.
        const body = scroller.querySelector<HTMLElement>('.grid__body');
        const b = body?.getBoundingClientRect();
        const maxTop = b ? b.bottom - box.top + scroller.scrollTop - scroller.clientHeight : scroller.scrollHeight - scroller.clientHeight;
        const maxLeft = b ? b.right - box.left + scroller.scrollLeft - scroller.clientWidth : scroller.scrollWidth - scroller.clientWidth;
        const dx = scrollWithin(edgeScrollStep(pointer.x, corner?.right ?? box.left, box.left + scroller.clientWidth), scroller.scrollLeft, maxLeft);
        const dy = scrollWithin(edgeScrollStep(pointer.y, corner?.bottom ?? box.top, box.top + scroller.clientHeight), scroller.scrollTop, maxTop);
        const before = { x: scroller.scrollLeft, y: scroller.scrollTop };
        if (dx !== 0 || dy !== 0) scroller.scrollBy(dx, dy);
        if (scroller.scrollLeft === before.x && scroller.scrollTop === before.y) return; // at the end, or not near an edge
        place();
        frame = requestAnimationFrame(edgeScroll);
      };

      const move = (ev: PointerEvent) => {
        if (!started && Math.hypot(ev.clientX - x0, ev.clientY - y0) < THRESHOLD_PX) return;
        if (!started) {
          started = true;
          el.setPointerCapture?.(e.pointerId);
        }
        pointer = { x: ev.clientX, y: ev.clientY };
        place();
        if (frame === 0) frame = requestAnimationFrame(edgeScroll);
      };

      const stopListening = () => {
        cancelAnimationFrame(frame);
        frame = 0;
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', cancel);
      };

      const end = () => {
        stopListening();
        if (!started) return;
        // The click that follows a drag must not open the panel.
        el.addEventListener('click', (ev) => ev.stopPropagation(), { capture: true, once: true });
        const target = live.current;
        if (!target || (target.minute === startMinute && target.doctorId === a.doctorId)) {
          live.current = null;
          setDrag(null);
          return;
        }
        if (target.fitted) {
          // It would not land where it was dropped: ask, showing the new time (see PendingDrop).
          setPending({ drag: target, fromMinute: startMinute });
          return;
        }
        save(target, a);
      };

      const cancel = () => {
        stopListening();
        live.current = null;
        setDrag(null);
      };

      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', cancel);
    },
    [schedule, save],
  );

  const answerPending = useCallback(
    (move: boolean) => {
      const p = pending;
      setPending(null);
      if (!p) return;
      const a = schedule.appointments.find((x) => x.id === p.drag.id);
      if (move && a) return save(p.drag, a);
      live.current = null;
      setDrag(null);
    },
    [pending, schedule, save],
  );

  // A new day schedule (after the move was saved) shows the block at its new place.
  useEffect(() => {
    if (live.current?.saving) {
      live.current = null;
      setDrag(null);
    }
  }, [schedule]);

  return { drag, begin, pending, answerPending };
}
