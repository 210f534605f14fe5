import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClinicEvent, ClinicEvents, EventName } from '../shared/events.ts';
import type { Envelope } from '../shared/result.ts';
import { type WriteDb, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { writeTransaction } from './db/mutation-writer.ts';
import { dispatch, type Logger } from './commands/dispatch.ts';
import type { CommandContext } from './commands/context.ts';
import { handlers } from './commands/index.ts';
import { loadSession, type Session } from './commands/session.ts';
import { CommandError } from './commands/command-error.ts';
import { getSetting } from './db/repos/local-settings.ts';
import { seedDemoClinic } from './demo/seed.ts';
import { SyncEngine, type SyncEngineOptions } from './sync/engine.ts';
import type { TokenSource } from './sync/token-source.ts';

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
}

/** The main process' services, the same for the Electron shell and the headless host. */
export interface ClinicApp {
  readonly db: WriteDb;
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ClinicEvent) => void): () => void;
  close(): void;
  /** The sync engine, when a server is configured. */
  readonly sync: SyncEngine | null;
}

const consoleLogger: Logger = {
  error: (message, meta) => console.error(`[clinic-desk] ${message}`, meta ?? ''),
};

export function databasePath(dataDir: string): string {
  return join(dataDir, 'clinic-desk.db');
}

export function createApp(config: AppConfig): ClinicApp {
  const now = config.now ?? (() => new Date());
  const logger = config.logger ?? consoleLogger;
  if (config.dataDir !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase({ path: config.dataDir === ':memory:' ? ':memory:' : databasePath(config.dataDir) });
  try {
    migrate(db);
    // A server-backed desk gets its data by pull, never from the demo generator.
    if (config.demo !== false && !config.server) seedDemoClinic(db, { now: now() });
  } catch (err) {
    db.close();
    throw err;
  }

  const listeners = new Set<(event: ClinicEvent) => void>();
  const emit = <N extends EventName>(name: N, payload: ClinicEvents[N]) => {
    for (const l of listeners) l({ name, payload } as ClinicEvent);
  };

  const sync =
    config.server && config.tokenSource
      ? new SyncEngine({
          ...config.syncOptions,
          db,
          server: config.server,
          tokens: config.tokenSource,
          emit,
          now,
          log: (message, meta) => logger.error(message, { detail: meta }),
        })
      : null;

  const context = (): CommandContext => {
    // Before a server-backed desk's first pull there is no clinic yet; sync commands still work.
    const session = sync ? loadSessionOrEmpty(db) : loadSession(db);
    const ctx: CommandContext = {
      db,
      clinicId: session.clinicId,
      deskId: session.deskId,
      staff: session.staff,
      appVersion: APP_VERSION,
      now,
      emit,
      sync,
      write(action, fn) {
        const result = writeTransaction(
          { db, clinicId: session.clinicId, actorStaffId: session.staff?.id ?? null, deskId: session.deskId, now },
          action,
          fn,
        );
        if (result.changedTables.length > 0) {
          emit('data.changed', { tables: result.changedTables });
          sync?.localWrite();
        }
        return result.value;
      },
    };
    return ctx;
  };

  sync?.start();
  return {
    db,
    sync,
    invoke: (name, input) => dispatch(handlers, context(), name, input, logger),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      void sync?.stop();
      listeners.clear();
      if (db.open) db.close();
    },
  };
}

function loadSessionOrEmpty(db: WriteDb): Session {
  try {
    return loadSession(db);
  } catch (err) {
    if (!(err instanceof CommandError) || err.code !== 'not_found') throw err;
    return { clinicId: '', deskId: getSetting(db, 'desk_id') ?? '', staff: null };
  }
}
