import { useMemo } from 'react';
import { useCommandCall } from './use-command-call.ts';

/** 'appointments.undo': what the last undoable action was (`preview`), and undoing it (`undo`). */
export function useUndo() {
  const send = useCommandCall('appointments.undo');
  return useMemo(() => ({ preview: () => send({ preview: true }), undo: () => send({}) }), [send]);
}
