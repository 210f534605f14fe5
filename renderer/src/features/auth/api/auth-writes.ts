import { useCommandCall } from '../../../data/use-command-call.ts';

/** Signing in against the configured server with email and password ('auth.signIn'). */
export const useSignIn = () => useCommandCall('auth.signIn');

/** Locking the signed-in account from the header ('auth.lock'); the password unlocks it again. */
export const useLockAccount = () => useCommandCall('auth.lock');
