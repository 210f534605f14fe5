import type { z } from 'zod';

/** One entry of the command table: the input schema, the output type (phantom) and whether it writes. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  write: boolean;
  /** Type-only marker; never read at runtime. */
  readonly output?: O;
}

/** `command(schema).returns<Out>()` keeps input and output types together in one place. */
export function command<I extends z.ZodType>(input: I, options: { write?: boolean } = {}) {
  return {
    returns<O>(): CommandSpec<I, O> {
      return { input, write: options.write ?? false };
    },
  };
}

export type CommandTable = Record<string, CommandSpec>;
