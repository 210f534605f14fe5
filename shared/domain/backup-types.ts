/** Output types of the backup commands. Backups live in `<dataDir>/backups/`. */
export interface BackupEntry {
  /** File name inside the backups folder (the only thing restore accepts). */
  file: string;
  kind: 'backup' | 'unsynced';
  createdAt: string;
  /** 'manual', 'before migration 3→4', 'unsynced-export'. */
  reason: string;
  schemaVersion: number;
  /** Changes not yet sent to the server when it was made. */
  outboxCount: number;
  bytes: number;
}

export interface RestoreStaged {
  file: string;
  /** Always true: the swap happens when Clinic Desk next starts. */
  restartRequired: true;
  message: string;
}

export interface UnsyncedExported {
  file: string;
  outboxCount: number;
}
