import type { ClinicEvent, ClinicEvents, EventName } from '../shared/events.ts';
import type { Envelope } from '../shared/result.ts';
import type { AuthUser } from '../shared/domain/auth-types.ts';
import type { AppInfo } from '../shared/domain/types.ts';
import { todayIn } from '../shared/domain/clinic-time.ts';
import type { WriteDb } from './db/database.ts';
import { dispatch, type Logger } from './commands/dispatch.ts';
import { type CommandContext, afterCommit, auditedWrite, lockWithEffects } from './commands/context.ts';
import { handlers } from './commands/index.ts';
import { loadSession, type Session } from './commands/session.ts';
import { CommandError } from './commands/command-error.ts';
import { getSetting } from './db/repos/local-settings.ts';
import { seedDemoClinic } from './demo/seed.ts';
import { SyncEngine, type SyncEngineOptions } from './sync/engine.ts';
import type { TokenSource } from './sync/token-source.ts';
import { AuthService, type AuthOptions } from './auth/auth-service.ts';
import { FileSecretStore, MemorySecretStore, type SecretStore } from './secrets/secret-store.ts';
import { type OpenedDesk, openDeskDatabase } from './storage/open-desk-database.ts';
import { DeskLock } from './auth/desk-lock.ts';
import { rememberRecovery } from './commands/recovery-notice.ts';

export const APP_VERSION = '0.1.0';

export interface AppConfig {
  /** Folder for the local database and settings. */
  dataDir: string;
  /** Fill an empty database with the demo clinic (default true). */
  demo?: boolean;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: Logger;
  /** The Supabase-compatible server to sync with; with `tokenSource` the sync engine runs. */
  server?: { url: string; anonKey: string };
  tokenSource?: TokenSource;
  /** Engine tuning (tests use short intervals). */
  syncOptions?: Partial<Omit<SyncEngineOptions, 'db' | 'server' | 'tokens' | 'emit'>>;
  /** Where the session and offline-unlock verifier live (default: 0600 files in dataDir/secrets). */
  secrets?: SecretStore;
  /**
   * Where the database key lives: Electron passes its safeStorage store; default a 0600 file in
   * dataDir/secrets (logged as a warning). false = unencrypted, for the benchmark baseline only.
   */
  keyStore?: SecretStore | false;
  /** Embedded demo server only: sign this user in automatically. */
  autoSignIn?: { email: string; password: string } | null;
  /** Auth tuning (tests: cheap scrypt, short windows). */
  authOptions?: Pick<AuthOptions, 'policy' | 'scrypt' | 'probeTimeoutMs' | 'requestTimeoutMs'>;
}

/** The main process' services, the same for the Electron shell and the headless host. */
export interface ClinicApp {
  readonly db: WriteDb;
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ClinicEvent) => void): () => void;
  close(): void;
  /** The sync engine, when a server is configured. */
  readonly sync: SyncEngine | null;
  /** Sign-in and offline unlock, when a server is configured. */
  readonly auth: AuthService | null;
  /** Set when a damaged database was replaced at start-up: what happened, for the staff to read. */
  readonly recovery: OpenedDesk['recovery'];
  /**
   * Answers the first screen's reads once and drops the answers, while the window is still
   * opening: a cold clinic-group database needs ~150–250 ms for today's schedule, a warm one a
   * few ms, and the page's own read then finds its pages cached.
   */
  warmUp(): Promise<void>;
}

const consoleLogger: Logger = {
  error: (message, meta) => console.error(`[clinic-desk] ${message}`, meta ?? ''),
};

export function createApp(config: AppConfig): ClinicApp {
  const now = config.now ?? (() => new Date());
  const logger = config.logger ?? consoleLogger;
  const { db, recovery } = openDesk(config, now, logger);

  const listeners = new Set<(event: ClinicEvent) => void>();
  const emit = <N extends EventName>(name: N, payload: ClinicEvents[N]) => {
    for (const l of listeners) l({ name, payload } as ClinicEvent);
  };

  const auth =
    config.server && !config.tokenSource
      ? new AuthService({
          ...config.authOptions,
          server: config.server,
          secrets: config.secrets ?? (config.dataDir === ':memory:' ? new MemorySecretStore() : new FileSecretStore(config.dataDir)),
          now,
          log: (message) => logger.error(`auth: ${message}`),
          autoSignIn: config.autoSignIn ?? null,
        })
      : null;
  const tokens = config.tokenSource ?? auth;
  const sync =
    config.server && tokens
      ? new SyncEngine({
          ...config.syncOptions,
          db,
          server: config.server,
          tokens,
          emit,
          now,
          log: (message, meta) => logger.error(message, { detail: meta }),
        })
      : null;

  const deskLock = new DeskLock({ db, auth, now, ...(config.authOptions?.scrypt ? { scrypt: config.authOptions.scrypt } : {}) });

  const context = (): CommandContext => {
    // Before a server-backed desk's first pull there is no clinic yet; sync commands still work.
    const session = sync ? loadSessionOrEmpty(db, auth?.profile) : loadSession(db);
    // Whoever unlocked the desk with their PIN acts (and is audited) until the next switch.
    const staff = deskLock.acting(session);
    const effects = afterCommit(emit, sync);
    const ctx: CommandContext = {
      db,
      clinicId: session.clinicId,
      deskId: session.deskId,
      staff,
      // Signed out or locked: only the sign-in and lock screens' commands run (access 'always').
      closed: auth && !auth.isWorking ? 'signed_out' : deskLock.isLocked ? 'locked' : null,
      lock: lockWithEffects(
        {
          state: () => deskLock.state(session),
          engage: (reason) => deskLock.engage(session, reason),
          unlockWithPin: (staffId, pin) => deskLock.unlockWithPin(session, staffId, pin),
          setPin: (pin, staffId) => deskLock.setPin(session, pin, staffId),
          setIdle: (seconds) => deskLock.setIdle(session, seconds),
        },
        effects,
      ),
      appVersion: APP_VERSION,
      now,
      emit,
      sync,
      auth,
      write: auditedWrite({ db, clinicId: session.clinicId, actorStaffId: staff?.id ?? null, deskId: session.deskId, now }, effects),
    };
    return ctx;
  };

  auth?.onChange((session) => {
    emit('auth.session', session);
    if (session.mode === 'signed_in') void sync?.syncNow().catch(() => undefined);
  });
  sync?.start();
  const invoke = (name: string, input: unknown): Promise<Envelope<unknown>> => dispatch(handlers, context(), name, input, logger);
  return {
    db,
    sync,
    auth,
    recovery,
    invoke,
    async warmUp() {
      // Only a cache warm-up: whatever goes wrong here (no clinic yet, signed out) the page's own
      // reads will meet and report.
      try {
        const info = await invoke('app.info', {});
        if (info.ok) await invoke('schedule.day', { date: todayIn((info.value as AppInfo).clinic.timeZone, now()) });
      } catch {
        // nothing to warm
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      void sync?.stop();
      auth?.close();
      listeners.clear();
      if (db.open) db.close();
    },
  };
}

/** The desk database opened (storage/), then told about a rebuild and, on a local-only desk, seeded. */
function openDesk(config: AppConfig, now: () => Date, logger: Logger): OpenedDesk {
  const desk = openDeskDatabase({
    dataDir: config.dataDir,
    keyStore: config.keyStore,
    rebuildDamaged: Boolean(config.server),
    now,
    appVersion: APP_VERSION,
    log: (message) => logger.error(message),
  });
  try {
    // Tell the staff (app.info → banner) on every start until dismissed, not only in this run's log.
    if (desk.recovery) rememberRecovery(desk.db, desk.recovery, now());
    // A server-backed desk gets its data by pull, never from the demo generator.
    if (config.demo !== false && !config.server) seedDemoClinic(desk.db, { now: now() });
  } catch (err) {
    desk.db.close();
    throw err;
  }
  return desk;
}

function loadSessionOrEmpty(db: WriteDb, signedIn?: AuthUser | null): Session {
  try {
    return loadSession(db, signedIn);
  } catch (err) {
    if (!(err instanceof CommandError) || err.code !== 'not_found') throw err;
    return { clinicId: '', deskId: getSetting(db, 'desk_id') ?? '', staff: null };
  }
}
