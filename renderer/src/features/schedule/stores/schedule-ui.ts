import { create } from 'zustand';
import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';

/** The schedule screen's UI state: which day is shown, which appointment is open, the help. */
interface ScheduleUiState {
  /** null until the clinic (and so its time zone's "today") is known. */
  date: IsoDate | null;
  selectedId: string | null;
  helpOpen: boolean;
  setDate(date: IsoDate): void;
  shiftDate(days: number): void;
  select(id: string | null): void;
  setHelpOpen(open: boolean): void;
}

export const useScheduleUi = create<ScheduleUiState>()((set) => ({
  date: null,
  selectedId: null,
  helpOpen: false,
  setDate: (date) => set({ date, selectedId: null }),
  shiftDate: (days) =>
    set((s) => (s.date ? { date: addDaysIso(s.date, days), selectedId: null } : s)),
  select: (selectedId) => set({ selectedId }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
