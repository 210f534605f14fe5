import { afterAll, beforeAll, inject } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { startStack, type Stack } from '../../stack/index.ts';

export interface StackInfo {
  url: string;
  anonKey: string;
  serviceKey: string;
  jwtSecret: string;
  pgUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    clinicDeskStack: StackInfo | undefined;
  }
}

export interface Harness {
  stack: StackInfo;
  /** Superuser connection (bypasses RLS): arrange and inspect. */
  db: pg.Client;
}

/**
 * The real stack for this test file: the shared one from global-setup.ts when registered,
 * otherwise one started in beforeAll and stopped in afterAll.
 */
export function useStack(): () => Harness {
  let own: Stack | null = null;
  let h: Harness | null = null;
  beforeAll(async () => {
    let info = inject('clinicDeskStack');
    if (!info) {
      own = await startStack({ demo: true });
      info = { url: own.url, anonKey: own.anonKey, serviceKey: own.serviceKey, jwtSecret: own.jwtSecret, pgUrl: own.pgUrl };
    }
    const db = new pg.Client({ connectionString: info.pgUrl });
    await db.connect();
    h = { stack: info, db };
  });
  afterAll(async () => {
    await h?.db.end();
    await own?.stop();
  });
  return () => {
    if (!h) throw new Error('stack not started');
    return h;
  };
}

/** An unmodified supabase-js client: no session persistence, no background refresh. */
export function client(stack: StackInfo): SupabaseClient {
  const c = createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  // Fire-and-forget: the client is handed back synchronously and refresh is already off.
  void c.auth.stopAutoRefresh();
  return c;
}

export async function signedIn(stack: StackInfo, email: string, password: string): Promise<SupabaseClient> {
  const c = client(stack);
  const { error } = await c.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in ${email} failed: ${error.code} ${error.message}`);
  return c;
}
