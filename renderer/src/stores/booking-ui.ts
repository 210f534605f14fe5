import { create } from 'zustand';

/** What the booking dialog opens with: a clicked time, a found slot, or an appointment to move. */
export interface BookingDraft {
  doctorId?: string;
  startsAt?: string;
  roomId?: string | null;
  appointmentTypeId?: string;
  patientId?: string;
  /** Set to move this appointment instead of booking a new one. */
  rescheduleId?: string;
}

/** App-level UI state of the booking dialog (any screen may open it) and the undo toast. */
interface BookingUiState {
  draft: BookingDraft | null;
  /** Bumped after every undoable action; the toast then asks what Undo would do. */
  actionSeq: number;
  openBooking(draft?: BookingDraft): void;
  closeBooking(): void;
  announceAction(): void;
}

export const useBookingUi = create<BookingUiState>()((set) => ({
  draft: null,
  actionSeq: 0,
  openBooking: (draft = {}) => set({ draft }),
  closeBooking: () => set({ draft: null }),
  announceAction: () => set((s) => ({ actionSeq: s.actionSeq + 1 })),
}));
