import { create } from 'zustand';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';

/** The desk's sign-in state as main last reported it ('auth.session' answers and pushes). */
interface AuthState {
  session: AuthSession | null;
  setSession(session: AuthSession): void;
}

export const useAuthStore = create<AuthState>()((set) => ({
  session: null,
  setSession: (session) => set({ session }),
}));
