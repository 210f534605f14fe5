import { create } from 'zustand';

/**
 * The patient whose plans and payments are open (UI state only). Any screen may open a
 * patient's money page through `openPatientMoney`, without importing the money feature.
 */
interface MoneyFocusState {
  patientId: string | null;
  setPatient(patientId: string | null): void;
}

export const useMoneyFocus = create<MoneyFocusState>()((set) => ({
  patientId: null,
  setPatient: (patientId) => set({ patientId }),
}));
