import { create } from 'zustand';
import type { DeskLockState } from '../../../shared/domain/security-types.ts';

/** The desk lock and the acting person as main last reported them ('auth.deskLock' answers). */
interface DeskLockStore {
  state: DeskLockState | null;
  setState(state: DeskLockState): void;
}

export const useDeskLock = create<DeskLockStore>()((set) => ({
  state: null,
  setState: (state) => set({ state }),
}));
