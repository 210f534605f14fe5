/**
 * A manual backup off the main thread. At clinic-group scale a backup snapshots and seals a
 * ~200 MB database (~7 s); on the main thread that froze every command of the desk meanwhile.
 * The worker opens its own read-only connection to the same file (WAL gives it a consistent
 * snapshot while the app keeps writing) and runs the same createBackup there. An in-memory or
 * unencrypted database, or a worker that cannot start, is backed up on the calling thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { WriteDb } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { keyOf } from '../db/encryption.ts';
import { BackupDamagedError, BackupKeyError } from './backup-file.ts';
import { type BackupInfo, BackupUnavailableError, type CreateBackupOptions, createBackup } from './backup.ts';

interface BackupWorkerData {
  clinicDeskBackupWorker: true;
  path: string;
  key: string;
  options: Omit<CreateBackupOptions, 'now'> & { now: string };
}

type FromWorker = { ok: true; info: BackupInfo } | { ok: false; name: string; message: string };

/** Errors the command layer maps to clear envelopes keep their class across the thread. */
const KNOWN_ERRORS: Record<string, { prototype: Error }> = {
  BackupUnavailableError,
  BackupKeyError,
  BackupDamagedError,
};

function revive(m: { name: string; message: string }): Error {
  const known = KNOWN_ERRORS[m.name];
  if (!known) return new Error(m.message);
  // The worker already built the message: keep it, with the class the caller checks for.
  return Object.assign(Object.create(known.prototype) as Error, { name: m.name, message: m.message });
}

export function createBackupOffThread(db: WriteDb, options: CreateBackupOptions): Promise<BackupInfo> {
  const key = keyOf(db);
  if (db.memory || !key) return Promise.resolve().then(() => createBackup(db, options));
  const data: BackupWorkerData = {
    clinicDeskBackupWorker: true,
    path: db.name,
    key: key.toString('hex'),
    options: { ...options, now: options.now.toISOString() },
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL(import.meta.url), { workerData: data });
  } catch {
    return Promise.resolve().then(() => createBackup(db, options));
  }
  return new Promise<BackupInfo>((resolve, reject) => {
    let answered = false;
    worker.once('message', (m: FromWorker) => {
      answered = true;
      if (m.ok) resolve(m.info);
      else reject(revive(m));
    });
    worker.once('error', (err) => {
      answered = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup worker stopped (exit code ${code}) before it answered`));
    });
  });
}

function runWorker(d: BackupWorkerData): void {
  const post = (m: FromWorker) => parentPort!.postMessage(m);
  try {
    const db = openDatabase({ path: d.path, key: Buffer.from(d.key, 'hex'), readonly: true });
    try {
      post({ ok: true, info: createBackup(db, { ...d.options, now: new Date(d.options.now) }) });
    } finally {
      db.close();
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ ok: false, name: e.constructor.name, message: e.message });
  }
}

if (!isMainThread && (workerData as Partial<BackupWorkerData> | null)?.clinicDeskBackupWorker) {
  runWorker(workerData as BackupWorkerData);
}
