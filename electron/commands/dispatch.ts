import type { z } from 'zod';
import { commands, isCommandName } from '../../shared/commands.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import { type Envelope, fail, ok } from '../../shared/result.ts';
import { CommandError } from './command-error.ts';
import { roleRefusal } from './roles.ts';
import type { CommandContext, HandlerTable } from './context.ts';

export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Turns zod's first issue into a specific, field-named message. */
export function validationError(error: z.ZodError): CommandError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const what = field ? `${field}: ` : '';
  let message = issue?.message ?? 'invalid input';
  if (issue?.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.join(', ')}`;
  return new CommandError('validation_error', `${what}${message}`, field ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined));
}

/**
 * The single entry both transports (Electron IPC and the loopback host) call. Input is untrusted:
 * unknown names and invalid input are refused before any handler runs; a CommandError passes
 * through as data; anything else becomes 'internal' with a correlation id that is logged here.
 */
export async function dispatch(
  handlers: HandlerTable,
  ctx: CommandContext,
  name: string,
  rawInput: unknown,
  log: Logger,
): Promise<Envelope<unknown>> {
  if (!isCommandName(name)) {
    return fail({ code: 'unknown_command', message: `unknown command: ${String(name).slice(0, 80)}` });
  }
  // Roles first: someone who may not run a command learns nothing from its validation.
  const refused = roleRefusal(name, ctx.staff);
  if (refused) return fail(refused.toData());
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(validationError(parsed.error).toData());
  try {
    const handler = handlers[name] as (input: unknown, c: CommandContext) => unknown;
    return ok(await handler(parsed.data, ctx));
  } catch (err) {
    if (err instanceof CommandError) return fail(err.toData());
    const correlationId = uuidv7();
    log.error(`command ${name} failed`, { correlationId, error: err instanceof Error ? err.stack : String(err) });
    return fail({ code: 'internal', message: `Something went wrong (ref ${correlationId}).` });
  }
}
