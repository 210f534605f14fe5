import { create } from 'zustand';

/** Which top-level screen is shown (UI state only). */
interface NavState {
  screen: string;
  show(screen: string): void;
}

export const useNav = create<NavState>()((set) => ({
  screen: 'schedule',
  show: (screen) => set({ screen }),
}));
