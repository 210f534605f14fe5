import { useCallback } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { Envelope } from '../../../shared/result.ts';
import { invoke } from './api.ts';

/**
 * One command as a stable function answering its envelope, for callers that keep their own busy
 * and error state (a form, the availability editors' orphan confirm) or fire and forget. Unlike
 * useCommandMutation it never drops a call made while the previous one is still out.
 */
export function useCommandCall<N extends CommandName>(name: N): (input: CommandInput<N>) => Promise<Envelope<CommandOutput<N>>> {
  return useCallback((input: CommandInput<N>) => invoke(name, input), [name]);
}
