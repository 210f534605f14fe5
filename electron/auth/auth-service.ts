/**
 * The signed-in user of this desk. supabase-js runs here, in main only, with our SecretStore as its
 * storage and with its own auto-refresh OFF: it would retry for ~25 s against a dead server and
 * block every call meanwhile (FACTS.md). We probe the server ourselves (a short GET of
 * /auth/v1/health) before any call that could block, and an expired token while offline is never a
 * sign-out: the desk keeps working on its local session and the server re-checks on push.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { AuthFailureReason, AuthSession, AuthUser, LockReason } from '../../shared/domain/auth-types.ts';
import type { StaffRole } from '../../shared/domain/types.ts';
import { CommandError } from '../commands/command-error.ts';
import type { TokenSource } from '../sync/token-source.ts';
import {
  DEFAULT_POLICY,
  DEFAULT_SCRYPT,
  type OfflinePolicy,
  type OfflineState,
  type ScryptParams,
  attemptOfflineUnlock,
  createVerifier,
  newOfflineState,
  observeClock,
  offlineDeadline,
} from './offline-unlock.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { type StoredSession, parseStoredSession, secretKeyFor } from './stored-session.ts';

export interface ServerConfig {
  url: string;
  anonKey: string;
}

export interface AuthOptions {
  server: ServerConfig | null;
  secrets: SecretStore;
  now: () => Date;
  log: (message: string) => void;
  policy?: Partial<OfflinePolicy>;
  scrypt?: ScryptParams;
  /** Embedded demo server (`npm start`): sign this user in automatically. */
  autoSignIn?: { email: string; password: string } | null;
  /** Per-request timeout for supabase-js calls. */
  requestTimeoutMs?: number;
  probeTimeoutMs?: number;
}

/** Persisted beside the Supabase session: who is signed in and the offline-unlock verifier. */
interface DeskAuth {
  profile: AuthUser | null;
  offline: OfflineState | null;
  lastEmail: string | null;
}

const DESK_KEY = 'desk-auth';
const STORAGE_KEY = 'clinic-desk-auth';
const REFRESH_MARGIN_MS = 120_000;
const TICK_MS = 30_000;
/** Auth error codes that mean the refresh token or session is really gone (Supabase Auth codes). */
const SESSION_GONE = new Set([
  'refresh_token_not_found',
  'refresh_token_already_used',
  'session_not_found',
  'session_expired',
  'user_not_found',
  'user_banned',
]);

function fail(code: 'unauthorized' | 'offline', reason: AuthFailureReason, message: string, extra: Record<string, unknown> = {}): CommandError {
  return new CommandError(code, message, undefined, { reason, ...extra });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class AuthService implements TokenSource {
  private readonly policy: OfflinePolicy;
  private client: SupabaseClient | null = null;
  private current: StoredSession | null = null;
  private desk: DeskAuth;
  private mode: AuthSession['mode'];
  private lockReason: LockReason | null = null;
  private offlineUnlocked = false;
  private online: boolean | null;
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<(s: AuthSession) => void>();
  private lastClockSave = 0;
  readonly ready: Promise<void>;

  private readonly o: AuthOptions;

  constructor(o: AuthOptions) {
    this.o = o;
    this.policy = { ...DEFAULT_POLICY, ...o.policy };
    this.desk = this.readDesk();
    this.current = parseStoredSession(o.secrets.get(secretKeyFor(STORAGE_KEY)));
    this.online = o.server ? false : null;
    this.mode = !o.server ? 'local_only' : this.current && this.desk.profile ? 'locked' : 'signed_out';
    this.ready = o.server ? this.start().catch((err: unknown) => this.o.log(`auth start failed: ${errorText(err)}`)) : Promise.resolve();
  }

  // ---- TokenSource (the sync engine) ----

  async accessToken(): Promise<string | null> {
    return this.current && this.desk.profile ? this.current.access_token : null;
  }

  staffId(): string | null {
    return this.current ? (this.desk.profile?.staffId ?? null) : null;
  }

  /** The server accepted this session's token: an offline unlock is over ("Unlocked offline" goes). */
  accepted(): void {
    if (!this.o.server || this.mode !== 'signed_in') return;
    const wasOffline = this.offlineUnlocked || this.online !== true;
    this.offlineUnlocked = false;
    this.online = true;
    if (wasOffline) this.changed();
  }

  /** The server answered 401: refresh once (shared by concurrent callers); false = no usable token. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  // ---- what the commands and the shell use ----

  get profile(): AuthUser | null {
    return this.mode === 'signed_in' || this.mode === 'locked' ? this.desk.profile : null;
  }

  get isServerMode(): boolean {
    return this.o.server !== null;
  }

  /** True when commands other than auth.* may run. */
  get isWorking(): boolean {
    return this.mode === 'local_only' || this.mode === 'signed_in';
  }

  onChange(listener: (s: AuthSession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  session(): AuthSession {
    const nowMs = this.o.now().getTime();
    this.noteClock(nowMs);
    const off = this.desk.offline;
    const lockedOut = off?.lockedUntil && off.lockedUntil > nowMs ? new Date(off.lockedUntil).toISOString() : null;
    return {
      mode: this.mode,
      online: this.online,
      offlineUnlocked: this.mode === 'signed_in' && this.offlineUnlocked,
      user: this.profile,
      accessExpiresAt: this.current && this.profile ? new Date(this.current.expires_at * 1000).toISOString() : null,
      offlineUnlockUntil: off && this.profile ? new Date(offlineDeadline(off, this.policy)).toISOString() : null,
      lockedOutUntil: lockedOut,
      lockReason: this.mode === 'locked' ? this.lockReason : null,
      serverUrl: this.o.server?.url ?? null,
      embeddedDemo: !!this.o.autoSignIn,
      lastEmail: this.desk.lastEmail,
    };
  }

  async signIn(email: string, password: string): Promise<AuthSession> {
    const server = this.o.server;
    if (!server) throw fail('unauthorized', 'not_configured', 'No server is configured: this desk works locally without signing in.');
    if (!(await this.probe())) {
      // Same person, outage: the local verifier may let them in.
      if (this.desk.offline && this.desk.offline.email === email && this.current) return this.unlockOffline(password);
      throw fail('offline', 'server_unreachable', 'The server cannot be reached. Check the connection and try again.');
    }
    const client = this.ensureClient(server);
    const { data, error } = await withTimeout(client.auth.signInWithPassword({ email, password }), 20_000, 'sign-in').catch(
      (err: unknown) => ({ data: null, error: err as { status?: number; code?: string; message: string } }),
    );
    if (error || !data?.session) {
      this.setOnline(!(error && isNetworkError(error)));
      throw signInError(error);
    }
    const profile = await this.lookupStaff(client, data.session.user.id, email);
    if (!profile) {
      await client.auth.signOut({ scope: 'local' }).catch(() => undefined);
      this.current = null;
      throw fail('unauthorized', 'not_staff', 'This account is not an active staff member of any clinic.');
    }
    const nowMs = this.o.now().getTime();
    const verifier = await createVerifier(password, this.o.scrypt ?? DEFAULT_SCRYPT);
    this.desk = { profile, offline: newOfflineState(profile.userId, email, verifier, nowMs, this.desk.offline), lastEmail: email };
    this.saveDesk();
    this.mode = 'signed_in';
    this.lockReason = null;
    this.offlineUnlocked = false;
    this.setOnline(true);
    this.o.log(`signed in as staff ${profile.staffId}`);
    this.changed();
    return this.session();
  }

  async signOut(): Promise<AuthSession> {
    if (!this.o.server) return this.session();
    if (this.client && this.online) {
      await withTimeout(this.client.auth.signOut({ scope: 'local' }), 5_000, 'sign-out').catch(() => undefined);
    }
    this.o.secrets.delete(secretKeyFor(STORAGE_KEY));
    this.current = null;
    this.desk = { profile: null, offline: null, lastEmail: this.desk.lastEmail };
    this.saveDesk();
    this.mode = 'signed_out';
    this.lockReason = null;
    this.offlineUnlocked = false;
    this.changed();
    return this.session();
  }

  lock(): AuthSession {
    if (this.mode === 'signed_in') {
      this.mode = 'locked';
      this.lockReason = 'manual';
      this.changed();
    }
    return this.session();
  }

  /**
   * Someone at the desk proved who they are with a local credential (a staff PIN, electron/auth/
   * desk-lock.ts): undo a manual or idle lock. A restart while offline still needs the password.
   */
  resumeLocal(): AuthSession {
    if (this.mode === 'locked' && this.lockReason !== 'restart_offline') {
      this.mode = 'signed_in';
      this.lockReason = null;
      this.changed();
    }
    return this.session();
  }

  async unlock(password: string): Promise<AuthSession> {
    if (this.mode !== 'locked') return this.session();
    const off = this.desk.offline;
    const expired = !off || this.o.now().getTime() >= offlineDeadline(off, this.policy);
    // Past the offline window the server must check the password again, when it can.
    if (expired && this.desk.profile && this.o.server && (await this.probe())) {
      return this.signIn(this.desk.profile.email, password);
    }
    return this.unlockOffline(password);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
    if (this.client) this.client.auth.stopAutoRefresh().catch(() => undefined);
  }

  // ---- internals ----

  private async start(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref?.();
    const reachable = await this.probe();
    if (this.current && this.desk.profile) {
      if (!reachable) {
        // Restarted during an outage: the stored session stays, the person proves who they are locally.
        this.mode = 'locked';
        this.lockReason = 'restart_offline';
        this.changed();
        return;
      }
      // Online: supabase-js restores (and refreshes if needed) from our storage when it initialises.
      const client = this.ensureClient(this.o.server!);
      const { data } = await withTimeout(client.auth.getSession(), 20_000, 'session restore').catch(() => ({ data: { session: null } }));
      if (data.session || this.current) {
        this.mode = 'signed_in';
        this.lockReason = null;
      } else {
        this.mode = 'signed_out';
      }
      this.changed();
      return;
    }
    if (this.o.autoSignIn) void this.autoSignIn(this.o.autoSignIn);
  }

  /** Embedded demo only: keep trying until the local server answers. */
  private async autoSignIn(login: { email: string; password: string }): Promise<void> {
    for (let attempt = 0; attempt < 60 && this.mode === 'signed_out'; attempt++) {
      try {
        await this.signIn(login.email, login.password);
        return;
      } catch (err) {
        if (!(err instanceof CommandError) || err.code !== 'offline') {
          this.o.log(`demo sign-in failed: ${err instanceof Error ? err.message : 'unknown'}`);
          return;
        }
      }
      await new Promise((r) => setTimeout(r, 1000).unref?.());
    }
  }

  private async unlockOffline(password: string): Promise<AuthSession> {
    const outcome = await attemptOfflineUnlock(this.desk.offline, password, this.o.now().getTime(), this.policy);
    if (outcome.state) {
      this.desk = { ...this.desk, offline: outcome.state };
      this.saveDesk();
    }
    const refusal = outcome.refusal;
    if (refusal) {
      const reason: AuthFailureReason = refusal.code;
      const extra: Record<string, unknown> = {};
      if (refusal.code === 'locked_out') extra.lockedUntil = new Date(refusal.lockedUntil).toISOString();
      if (refusal.code === 'wrong_password') extra.attemptsLeft = refusal.attemptsLeft;
      this.changed();
      throw fail('unauthorized', reason, refusal.message, extra);
    }
    this.mode = 'signed_in';
    this.lockReason = null;
    this.offlineUnlocked = true;
    this.changed();
    return this.session();
  }

  private async doRefresh(): Promise<boolean> {
    const server = this.o.server;
    if (!server || !this.current) return false;
    if (!(await this.probe())) return false;
    const before = this.current.access_token;
    const client = this.ensureClient(server);
    try {
      // A fresh client restores (and, if expired, refreshes) the stored session as it initialises:
      // wait for that first, or we would spend the same refresh token twice.
      await withTimeout(client.auth.initialize(), 20_000, 'auth init');
      if (!this.current) return this.refusedByServer('session not restorable');
      if (this.current.access_token !== before) {
        this.setOnline(true);
        return true;
      }
      const sent = this.current.refresh_token;
      const { data, error } = await withTimeout(client.auth.refreshSession(), 20_000, 'refresh');
      if (error) {
        if (isNetworkError(error)) return false;
        // Someone else (init, a concurrent call) already rotated it: that is a success.
        if (this.current && this.current.refresh_token !== sent) return true;
        // Only the auth service's own verdict on the refresh token ends the session; anything else
        // (a gateway refusing the API key, a proxy) keeps it and the desk keeps working.
        if (error.code && SESSION_GONE.has(error.code)) return this.refusedByServer(error.code);
        this.o.log(`refresh refused (${error.status ?? '?'} ${error.code ?? 'no code'}); keeping the session`);
        return false;
      }
      this.setOnline(true);
      return !!data.session;
    } catch {
      return false;
    }
  }

  /** The server refused the refresh token (revoked, expired): a real sign-out. */
  private async refusedByServer(why: string): Promise<false> {
    this.o.log(`session ended by the server (${why})`);
    await this.signOut();
    return false;
  }

  private async tick(): Promise<void> {
    this.noteClock(this.o.now().getTime());
    if (this.mode === 'signed_out' || !this.current) return;
    const left = this.current.expires_at * 1000 - this.o.now().getTime();
    if (left < REFRESH_MARGIN_MS) await this.refresh();
  }

  /** A short, bounded question to the server: is it there? Never blocks on supabase-js. */
  async probe(): Promise<boolean> {
    const server = this.o.server;
    if (!server) return false;
    let ok = false;
    try {
      const res = await fetch(`${server.url}/auth/v1/health`, {
        headers: { apikey: server.anonKey },
        signal: AbortSignal.timeout(this.o.probeTimeoutMs ?? 3_000),
      });
      ok = res.status < 500;
      await res.body?.cancel();
    } catch {
      ok = false;
    }
    this.setOnline(ok);
    return ok;
  }

  private ensureClient(server: ServerConfig): SupabaseClient {
    if (this.client) return this.client;
    const timeout = this.o.requestTimeoutMs ?? 10_000;
    const secrets = this.o.secrets;
    const timedFetch: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout) });
    this.client = createClient(server.url, server.anonKey, {
      auth: {
        storageKey: STORAGE_KEY,
        persistSession: true,
        autoRefreshToken: false,
        detectSessionInUrl: false,
        storage: {
          getItem: (key) => secrets.get(secretKeyFor(key)),
          setItem: (key, value) => {
            secrets.set(secretKeyFor(key), value);
            if (key === STORAGE_KEY) this.current = parseStoredSession(value);
          },
          removeItem: (key) => {
            secrets.delete(secretKeyFor(key));
            if (key === STORAGE_KEY) this.current = null;
          },
        },
      },
      global: { fetch: timedFetch },
    });
    return this.client;
  }

  private async lookupStaff(client: SupabaseClient, userId: string, email: string): Promise<AuthUser | null> {
    const { data, error } = await client
      .from('staff')
      .select('id, clinic_id, display_name, role, active, deleted_at')
      .eq('user_id', userId)
      .eq('active', 1)
      .is('deleted_at', null)
      .order('id')
      .limit(1);
    if (error) this.o.log(`staff lookup failed: ${error.code ?? ''} ${error.message}`);
    if (error || !data || data.length === 0) return null;
    const row = data[0] as { id: string; clinic_id: string; display_name: string; role: StaffRole };
    return { userId, email, staffId: row.id, clinicId: row.clinic_id, displayName: row.display_name, role: row.role };
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.changed();
  }

  private noteClock(nowMs: number): void {
    const off = this.desk.offline;
    if (!off) return;
    const next = observeClock(off, nowMs);
    if (next === off) return;
    this.desk = { ...this.desk, offline: next };
    if (nowMs - this.lastClockSave > 60_000) {
      this.lastClockSave = nowMs;
      this.saveDesk();
    }
  }

  private readDesk(): DeskAuth {
    const raw = this.o.secrets.get(DESK_KEY);
    if (!raw) return { profile: null, offline: null, lastEmail: null };
    try {
      return JSON.parse(raw) as DeskAuth;
    } catch {
      this.o.log('stored desk sign-in data was unreadable; starting signed out');
      return { profile: null, offline: null, lastEmail: null };
    }
  }

  private saveDesk(): void {
    this.o.secrets.set(DESK_KEY, JSON.stringify(this.desk));
  }

  private changed(): void {
    const s = this.session();
    for (const l of this.listeners) l(s);
  }
}

function isNetworkError(error: { status?: number; name?: string }): boolean {
  return error.name === 'AuthRetryableFetchError' || !error.status || error.status >= 500;
}

function signInError(error: { status?: number; code?: string; message: string; name?: string } | null): CommandError {
  if (!error) return fail('unauthorized', 'invalid_credentials', 'The server did not return a session.');
  if (isNetworkError(error)) return fail('offline', 'server_unreachable', 'The server cannot be reached. Check the connection and try again.');
  if (error.status === 429 || error.code === 'over_request_rate_limit') {
    return fail('unauthorized', 'locked_out', 'Too many failed sign-ins for this account. Wait a few minutes and try again.');
  }
  return fail('unauthorized', 'invalid_credentials', 'Wrong email or password.');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error';
}
