import { useCommandCall } from './use-command-call.ts';

/** The desk's language, remembered in main ('settings.setLanguage'); the sign-in, lock and header switch share it. */
export const useSetLanguage = () => useCommandCall('settings.setLanguage');
