import { create } from 'zustand';
import type { Language } from '../../../shared/domain/types.ts';

/** App-wide UI state only (never database rows): the language shown. */
interface AppUiState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useAppUi = create<AppUiState>()((set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
}));
