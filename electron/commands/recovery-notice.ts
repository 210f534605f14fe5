import type { RecoveryInfo } from '../../shared/domain/types.ts';
import type { ReadDb, WriteDb } from '../db/database.ts';
import { getSetting, setSetting } from '../db/repos/local-settings.ts';
import { outboxSummary } from '../db/repos/outbox.ts';

/** What electron/storage/rebuild-damaged.ts reports about a rebuilt database (ClinicApp.recovery). */
export interface RebuildReport {
  message: string;
  exportFile: string | null;
  keptFile: string;
  changes: number;
}

type StoredNotice = Omit<RecoveryInfo, 'dismissed'>;

/**
 * Kept in the new database's local settings right after the rebuild, so the staff are told on
 * every start until someone at this desk dismisses it (ClinicApp.recovery only lives one run).
 * Everything queued in the brand-new database at this point was re-queued by the rescue.
 */
export function rememberRecovery(db: WriteDb, report: RebuildReport, at: Date): StoredNotice {
  const notice: StoredNotice = {
    at: at.toISOString(),
    exportFile: report.exportFile,
    changes: report.changes,
    requeued: outboxSummary(db).pending,
    keptFile: report.keptFile,
    message: report.message,
  };
  setSetting(db, 'recovery_notice', JSON.stringify(notice));
  return notice;
}

/** The last rebuild of this desk's database, if any, and whether its banner was dismissed. */
export function readRecovery(db: ReadDb): RecoveryInfo | null {
  const raw = getSetting(db, 'recovery_notice');
  if (!raw) return null;
  try {
    const notice = JSON.parse(raw) as StoredNotice;
    return { ...notice, dismissed: getSetting(db, 'recovery_dismissed') === notice.at };
  } catch {
    return null;
  }
}

/** Closes the banner of the current notice; a later rebuild (another `at`) shows again. */
export function dismissRecovery(db: WriteDb): boolean {
  const notice = readRecovery(db);
  if (!notice) return false;
  setSetting(db, 'recovery_dismissed', notice.at);
  return true;
}
