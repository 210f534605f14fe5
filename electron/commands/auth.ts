import type { AuthSession } from '../../shared/domain/auth-types.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

/** Without a server the desk works locally and nobody signs in. */
export const LOCAL_ONLY_SESSION: AuthSession = {
  mode: 'local_only',
  online: null,
  offlineUnlocked: false,
  user: null,
  accessExpiresAt: null,
  offlineUnlockUntil: null,
  lockedOutUntil: null,
  lockReason: null,
  serverUrl: null,
  embeddedDemo: false,
  lastEmail: null,
};

async function auth(ctx: CommandContext) {
  if (ctx.auth) await ctx.auth.ready;
  return ctx.auth ?? null;
}

export const authHandlers: HandlerSlice<'auth.session' | 'auth.signIn' | 'auth.signOut' | 'auth.unlock' | 'auth.lock'> = {
  'auth.session': async (_input, ctx) => (await auth(ctx))?.session() ?? LOCAL_ONLY_SESSION,
  'auth.signIn': async ({ email, password }, ctx) => {
    const a = await auth(ctx);
    return a ? a.signIn(email, password) : LOCAL_ONLY_SESSION;
  },
  'auth.signOut': async (_input, ctx) => (await auth(ctx))?.signOut() ?? LOCAL_ONLY_SESSION,
  'auth.unlock': async ({ password }, ctx) => (await auth(ctx))?.unlock(password) ?? LOCAL_ONLY_SESSION,
  'auth.lock': async (_input, ctx) => (await auth(ctx))?.lock() ?? LOCAL_ONLY_SESSION,
};
