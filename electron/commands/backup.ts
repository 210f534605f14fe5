import { basename, dirname } from 'node:path';
import type { WriteDb } from '../db/database.ts';
import { DatabaseKeyError } from '../db/encryption.ts';
import {
  BackupUnavailableError,
  backupFilePath,
  backupsDir,
  exportUnsyncedChanges,
  listBackups,
  stageRestore,
} from '../backup/backup.ts';
import { BackupDamagedError, BackupKeyError } from '../backup/backup-file.ts';
import { createBackupOffThread } from '../backup/backup-worker.ts';
import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

/** The data folder is the one holding the open database file; ':memory:' desks have none. */
function dataDirOf(db: WriteDb): { dataDir: string; dbPath: string } {
  const dbPath = db.name;
  if (dbPath === '' || dbPath === ':memory:') {
    throw new CommandError('conflict', 'This desk keeps no database file, so there is nothing to back up.', undefined, { reason: 'unavailable' }).because('backup_unavailable');
  }
  return { dataDir: dirname(dbPath), dbPath };
}

/** Restoring replaces every local change since the backup: admins and managers only. */
function requireManager(ctx: CommandContext): void {
  if (ctx.staff && ctx.staff.role === 'receptionist') {
    throw new CommandError('forbidden', 'Only a manager or an administrator can restore a backup.').because('role_refused');
  }
}

/** Known backup failures become clear envelope errors; anything else stays internal. */
function asCommandError(err: unknown): never {
  if (err instanceof BackupKeyError || err instanceof DatabaseKeyError) {
    throw new CommandError('forbidden', err.message, undefined, { reason: 'wrong_key' }).because('backup_wrong_key');
  }
  if (err instanceof BackupDamagedError) throw new CommandError('conflict', err.message, undefined, { reason: 'damaged' }).because('backup_damaged');
  if (err instanceof BackupUnavailableError) {
    throw new CommandError(err.message.startsWith('Choose') ? 'validation_error' : 'not_found', err.message, 'file').because('backup_file');
  }
  throw err;
}

export const backupHandlers: HandlerSlice<'backup.create' | 'backup.list' | 'backup.restore' | 'backup.exportUnsynced'> = {
  'backup.create': async (_input, ctx) => {
    const { dataDir } = dataDirOf(ctx.db);
    try {
      return await createBackupOffThread(ctx.db, { dir: backupsDir(dataDir), now: ctx.now(), reason: 'manual', appVersion: ctx.appVersion });
    } catch (err) {
      if (err instanceof BackupUnavailableError) throw new CommandError('conflict', err.message, undefined, { reason: 'unavailable' }).because('backup_unavailable');
      return asCommandError(err);
    }
  },
  'backup.list': (_input, ctx) => listBackups(backupsDir(dataDirOf(ctx.db).dataDir)),
  'backup.restore': ({ file }, ctx) => {
    requireManager(ctx);
    const { dataDir, dbPath } = dataDirOf(ctx.db);
    try {
      stageRestore(ctx.db, dbPath, backupFilePath(backupsDir(dataDir), file));
    } catch (err) {
      return asCommandError(err);
    }
    return {
      file,
      restartRequired: true,
      message:
        'The backup was checked and is ready. Close and reopen Clinic Desk to finish the restore; ' +
        'the current data is kept as a copy, and changes made before reopening will be replaced.',
    };
  },
  'backup.exportUnsynced': (_input, ctx) => {
    const { dataDir } = dataDirOf(ctx.db);
    try {
      const result = exportUnsyncedChanges(ctx.db, backupsDir(dataDir), { now: ctx.now(), appVersion: ctx.appVersion });
      return { file: basename(result.file), outboxCount: result.outboxCount };
    } catch (err) {
      if (err instanceof BackupUnavailableError) throw new CommandError('conflict', err.message, undefined, { reason: 'unavailable' }).because('backup_unavailable');
      return asCommandError(err);
    }
  },
};
