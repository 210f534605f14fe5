import type { z } from 'zod';
import { commands, isCommandName } from '../../shared/commands.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import { type Envelope, fail, ok } from '../../shared/result.ts';
import { reasonsEn, type ReasonCode } from '../../shared/i18n/reasons-en.ts';
import type { ReasonParams } from '../../shared/result.ts';
import { CommandError, reasonMessage } from './command-error.ts';
import { accessRefusal } from './roles.ts';
import type { CommandContext, HandlerTable } from './context.ts';

export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
}

const isReason = (m: string | undefined): m is ReasonCode => !!m && Object.prototype.hasOwnProperty.call(reasonsEn, `reason.${m}`);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Why zod refused a value, as a reason code with its facts (schema messages may name one). */
function issueReason(issue: z.core.$ZodIssue, input: unknown): { reason: ReasonCode; params?: ReasonParams } {
  if (isReason(issue.message)) return { reason: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return { reason: 'required' };
      return { reason: issue.expected === 'number' || issue.expected === 'int' ? 'not_a_number' : 'invalid' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { reason: 'required' } : { reason: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_few', params: { min } };
      return min === 0 && !issue.inclusive ? { reason: 'not_positive' } : { reason: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_many', params: { max } };
      return { reason: 'too_big', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { reason: 'not_a_reference' };
      if (issue.format === 'email') return { reason: 'email' };
      if (issue.format === 'datetime') return { reason: 'instant' };
      if (issue.format === 'date') return { reason: 'calendar_date' };
      return { reason: 'invalid' };
    case 'invalid_value':
      return { reason: 'not_an_option' };
    case 'unrecognized_keys':
      return { reason: 'unknown_field' };
    case 'not_multiple_of':
      return { reason: 'not_whole' };
    default:
      return { reason: 'invalid' };
  }
}

/** Turns zod's first issue into a specific, field-named refusal: a reason code, its facts, and English for logs. */
export function validationError(error: z.ZodError, input?: unknown): CommandError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const what = issue && issue.path.length > 0 ? `${field}: ` : '';
  const why = issue ? issueReason(issue, input) : { reason: 'invalid' as const };
  let message = issue && !isReason(issue.message) ? issue.message : reasonMessage(why.reason, why.params);
  if (issue?.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.join(', ')}`;
  return new CommandError('validation_error', `${what}${message}`, field).because(why.reason, why.params);
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
    return fail({ code: 'unknown_command', message: `unknown command: ${String(name).slice(0, 80)}`, reason: 'generic_unknown_command' });
  }
  // Access first (its entry's `access`): a closed desk, or someone who may not run a command,
  // learns nothing from its validation.
  const refused = accessRefusal(name, ctx);
  if (refused) return fail(refused.toData());
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(validationError(parsed.error, rawInput ?? {}).toData());
  try {
    const handler = handlers[name] as (input: unknown, c: CommandContext) => unknown;
    return ok(await handler(parsed.data, ctx));
  } catch (err) {
    if (err instanceof CommandError) return fail(err.toData());
    const correlationId = uuidv7();
    log.error(`command ${name} failed`, { correlationId, error: err instanceof Error ? err.stack : String(err) });
    return fail({ code: 'internal', message: `Something went wrong (ref ${correlationId}).`, reason: 'generic_internal', params: { ref: correlationId } });
  }
}
