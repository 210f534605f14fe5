import { useCommandCall } from '../../../data/use-command-call.ts';

/** The acting person's own PIN for the desk lock ('auth.setPin'). */
export const useSetPin = () => useCommandCall('auth.setPin');

/** How long the desk may sit idle before it locks itself ('settings.setIdleLock'). */
export const useSetIdleLock = () => useCommandCall('settings.setIdleLock');

/** Unlocking the desk as one of the people with a PIN ('auth.unlockPin'). */
export const useUnlockWithPin = () => useCommandCall('auth.unlockPin');
