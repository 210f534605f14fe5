import { useCommandCall } from '../../../data/use-command-call.ts';

/** Recall types: a new one ('recalls.types.create') and a change to one ('recalls.types.update'). */
export const useCreateRecallType = () => useCommandCall('recalls.types.create');
export const useUpdateRecallType = () => useCommandCall('recalls.types.update');

/** A campaign's lifecycle: created from the builder's criteria, activated, closed. */
export const useCreateCampaign = () => useCommandCall('recalls.campaigns.create');
export const useActivateCampaign = () => useCommandCall('recalls.campaigns.activate');
export const useCloseCampaign = () => useCommandCall('recalls.campaigns.close');

/** The work queue: claim the next person, hand a claim back, log what the call gave. */
export const useNextContact = () => useCommandCall('recalls.queue.next');
export const useReleaseContact = () => useCommandCall('recalls.queue.release');
export const useLogAttempt = () => useCommandCall('recalls.attempts.log');

/** A campaign's results as CSV ('recalls.exportCsv'). */
export const useExportRecallCsv = () => useCommandCall('recalls.exportCsv');
