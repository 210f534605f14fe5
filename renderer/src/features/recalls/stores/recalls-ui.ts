import { create } from 'zustand';

/** What the recalls screen shows (UI state only; campaigns and contacts come from commands). */
export type RecallsView = 'campaign' | 'builder' | 'types';
export type CampaignTab = 'queue' | 'results';

interface RecallsUiState {
  view: RecallsView;
  campaignId: string | null;
  tab: CampaignTab;
  openCampaign(campaignId: string, tab?: CampaignTab): void;
  showBuilder(): void;
  showTypes(): void;
  back(): void;
  setTab(tab: CampaignTab): void;
}

export const useRecallsUi = create<RecallsUiState>()((set) => ({
  view: 'campaign',
  campaignId: null,
  tab: 'queue',
  openCampaign: (campaignId, tab) => set((s) => ({ view: 'campaign', campaignId, tab: tab ?? s.tab })),
  showBuilder: () => set({ view: 'builder' }),
  showTypes: () => set({ view: 'types' }),
  back: () => set({ view: 'campaign' }),
  setTab: (tab) => set({ tab }),
}));
