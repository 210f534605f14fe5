import type { RecoveryInfo } from '../../../../../shared/domain/types.ts';
import type { MessageKey, MessageParams } from '../../../../../shared/i18n/index.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The calm account of a rebuilt database: what happened, where the unsynced changes went, where the old file is. */
export function recoveryText(t: T, r: Pick<RecoveryInfo, 'exportFile' | 'changes' | 'requeued' | 'keptFile'>): string {
  const saved =
    r.exportFile === null
      ? t('recovery.unreadable')
      : r.changes === 0
        ? t('recovery.nothingUnsynced')
        : r.requeued !== r.changes
          ? t('recovery.savedPartly', { count: r.changes, requeued: r.requeued, file: r.exportFile })
          : r.changes === 1
            ? t('recovery.savedOne', { file: r.exportFile })
            : t('recovery.saved', { count: r.changes, file: r.exportFile });
  return [t('recovery.rebuilt'), saved, t('recovery.kept', { file: r.keptFile })].join(' ');
}
