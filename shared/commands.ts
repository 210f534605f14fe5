import { z } from 'zod';
import { command, type CommandTable } from './command-table.ts';
import { APPOINTMENT_STATUSES } from './domain/appointment-status.ts';
import { isValidIsoDate } from './domain/clinic-time.ts';
import type { AppInfo, AppointmentDetail, DaySchedule, Language } from './domain/types.ts';

export const Id = z.string().uuid({ message: 'must be a UUID' });
export const IsoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'must be a calendar date as YYYY-MM-DD' });
export const LanguageSchema = z.enum(['en', 'es']);
const Empty = z.object({}).strict();

/**
 * Every operation the renderer can ask of the main process. Adding a feature = an entry here,
 * a handler in electron/commands/<feature>.ts, a screen in renderer/src/features/<feature>/.
 */
export const commands = {
  'app.info': command(Empty).returns<AppInfo>(),
  'settings.setLanguage': command(z.object({ language: LanguageSchema }).strict(), {
    write: true,
  }).returns<{ language: Language }>(),

  'schedule.day': command(z.object({ date: IsoDateSchema }).strict()).returns<DaySchedule>(),

  'appointments.get': command(z.object({ id: Id }).strict()).returns<AppointmentDetail>(),
  'appointments.setStatus': command(
    z
      .object({
        id: Id,
        status: z.enum(APPOINTMENT_STATUSES),
        reason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    { write: true },
  ).returns<AppointmentDetail>(),
} satisfies CommandTable;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = NonNullable<Commands[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
