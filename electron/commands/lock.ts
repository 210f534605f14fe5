import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice, LockPort } from './context.ts';

function lock(ctx: CommandContext): LockPort {
  if (!ctx.lock) throw new CommandError('not_found', 'This desk has no screen lock.').because('not_found');
  return ctx.lock;
}

export const lockHandlers: HandlerSlice<'auth.deskLock' | 'auth.lockDesk' | 'auth.unlockPin' | 'auth.setPin' | 'settings.setIdleLock'> = {
  'auth.deskLock': (_input, ctx) => lock(ctx).state(),
  'auth.lockDesk': ({ reason }, ctx) => lock(ctx).engage(reason),
  'auth.unlockPin': ({ staffId, pin }, ctx) => lock(ctx).unlockWithPin(staffId, pin),
  'auth.setPin': ({ pin, staffId }, ctx) => lock(ctx).setPin(pin, staffId),
  'settings.setIdleLock': ({ seconds }, ctx) => lock(ctx).setIdle(seconds),
};
