import { useCommandCall } from '../../../data/use-command-call.ts';

/** Dismisses the notice shown after a damaged database was rebuilt ('app.dismissRecovery'). */
export const useDismissRecovery = () => useCommandCall('app.dismissRecovery');
