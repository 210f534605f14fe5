import { useCallback, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { CommandErrorData, Envelope } from '../../../shared/result.ts';
import { invoke } from './api.ts';

/** One write command with its in-flight flag and last error; a second click while saving is ignored. */
export function useCommandMutation<N extends CommandName>(name: N) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (input: CommandInput<N>): Promise<Envelope<CommandOutput<N>> | null> => {
      if (busy.current) return null;
      busy.current = true;
      setSaving(true);
      setError(null);
      const answer = await invoke(name, input);
      busy.current = false;
      setSaving(false);
      if (!answer.ok) setError(answer.error);
      return answer;
    },
    [name],
  );
  return { run, saving, error, setError, clearError: useCallback(() => setError(null), []) };
}
