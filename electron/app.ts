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
import { loadSession } from './commands/session.ts';
import { seedDemoClinic } from './demo/seed.ts';

export const APP_VERSION = '0.1.0';

export interface AppConfig {
  /** Folder for the local database and settings. */
  dataDir: string;
  /** Fill an empty database with the demo clinic (default true). */
  demo?: boolean;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: Logger;
}

/** The main process' services, the same for the Electron shell and the headless host. */
export interface ClinicApp {
  readonly db: WriteDb;
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ClinicEvent) => void): () => void;
  close(): void;
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
    if (config.demo !== false) seedDemoClinic(db, { now: now() });
  } catch (err) {
    db.close();
    throw err;
  }

  const listeners = new Set<(event: ClinicEvent) => void>();
  const emit = <N extends EventName>(name: N, payload: ClinicEvents[N]) => {
    for (const l of listeners) l({ name, payload } as ClinicEvent);
  };

  const context = (): CommandContext => {
    const session = loadSession(db);
    const ctx: CommandContext = {
      db,
      clinicId: session.clinicId,
      deskId: session.deskId,
      staff: session.staff,
      appVersion: APP_VERSION,
      now,
      emit,
      write(action, fn) {
        const result = writeTransaction(
          { db, clinicId: session.clinicId, actorStaffId: session.staff?.id ?? null, deskId: session.deskId, now },
          action,
          fn,
        );
        if (result.changedTables.length > 0) emit('data.changed', { tables: result.changedTables });
        return result.value;
      },
    };
    return ctx;
  };

  return {
    db,
    invoke: (name, input) => dispatch(handlers, context(), name, input, logger),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (db.open) db.close();
    },
  };
}
