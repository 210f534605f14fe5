import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice, LockPort } from './context.ts';

function lock(ctx: CommandContext): LockPort {
  if (!ctx.lock) throw new CommandError('not_found', 'This desk has no screen lock.').because('not_found');
  return ctx.lock;
}

/** After a user switch or a PIN change the acting person (and the audit log) changed. */
function changed(ctx: CommandContext): void {
  ctx.emit('data.changed', { tables: ['audit_log', 'staff'] });
  ctx.sync?.localWrite();
}

export const lockHandlers: HandlerSlice<'auth.deskLock' | 'auth.lockDesk' | 'auth.unlockPin' | 'auth.setPin' | 'settings.setIdleLock'> = {
  'auth.deskLock': (_input, ctx) => lock(ctx).state(),
  'auth.lockDesk': ({ reason }, ctx) => lock(ctx).engage(reason),
  'auth.unlockPin': async ({ staffId, pin }, ctx) => {
    const state = await lock(ctx).unlockWithPin(staffId, pin);
    changed(ctx);
    return state;
  },
  'auth.setPin': async ({ pin, staffId }, ctx) => {
    const state = await lock(ctx).setPin(pin, staffId);
    changed(ctx);
    return state;
  },
  'settings.setIdleLock': ({ seconds }, ctx) => {
    const state = lock(ctx).setIdle(seconds);
    changed(ctx);
    return state;
  },
};
