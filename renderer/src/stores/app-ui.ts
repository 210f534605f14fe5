import { create } from 'zustand';
import type { Language } from '../../../shared/domain/types.ts';

/** App-wide UI state only (never database rows): the language shown, the clinic's time zone for wording. */
interface AppUiState {
  language: Language;
  setLanguage(language: Language): void;
  /** The clinic's time zone, so errors and toasts word instants as the schedule does (null before app.info). */
  timeZone: string | null;
  setTimeZone(timeZone: string): void;
}

export const useAppUi = create<AppUiState>()((set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
  timeZone: null,
  setTimeZone: (timeZone) => set({ timeZone }),
}));
