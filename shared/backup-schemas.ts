import { z } from 'zod';

/** A backup file name from backup.list: no folders, no hidden files, our extension only. */
export const BackupRestoreInput = z
  .object({
    file: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.cdbackup$/, { message: 'backup_file' }),
  })
  .strict();
