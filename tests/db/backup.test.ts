import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupEntry, RestoreStaged, UnsyncedExported } from '../../shared/domain/backup-types.ts';
import type { Envelope } from '../../shared/result.ts';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { databasePath } from '../../electron/storage/open-desk-database.ts';
import { FileSecretStore } from '../../electron/secrets/secret-store.ts';
import { backupsDir, exportUnsyncedChanges, readBackupOutbox, readUnsyncedExport } from '../../electron/backup/backup.ts';
import { BackupDamagedError, BackupKeyError } from '../../electron/backup/backup-file.ts';
import { openDatabase } from '../../electron/db/database.ts';
import { keyOf, tableCounts } from '../../electron/db/encryption.ts';
import { latestSchemaVersion, migrate } from '../../electron/db/schema/migrate.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import { loadOrCreateDatabaseKey } from '../../electron/storage/desk-key.ts';

const NOW = new Date('2026-03-20T09:30:00.000Z');
const dirs: string[] = [];
const apps: ClinicApp[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-backup-'));
  dirs.push(dir);
  return dir;
};
/** Opens the desk as a manager: restoring is not a receptionist's job. */
function open(dataDir: string, now = NOW): ClinicApp {
  const app = createApp({ dataDir, now: () => now, logger: { error: () => {} } });
  apps.push(app);
  const manager = app.db.prepare(`SELECT id FROM staff WHERE role = 'manager' LIMIT 1`).pluck().get();
  app.db.prepare(`INSERT OR REPLACE INTO local_settings (key, value) VALUES ('current_staff_id', ?)`).run(manager);
  return app;
}
async function value<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await p;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
const appointmentCount = (app: ClinicApp) => app.db.prepare('SELECT count(*) FROM appointments').pluck().get() as number;

afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A local write through the real command path, so the outbox holds an unsynced change. */
async function createPatient(app: ClinicApp, lastName: string): Promise<string> {
  const patient = await value<{ id: string }>(app.invoke('patients.create', { firstName: 'Ana', lastName, confirmDuplicate: true }));
  return patient.id;
}

describe('encrypted backups', () => {
  it('backs up, restores after a restart and keeps the replaced data as .pre-restore', async () => {
    const dataDir = tempDir();
    let app = open(dataDir);
    await createPatient(app, 'Before');
    const before = tableCounts(app.db);
    const backup = await value<BackupEntry>(app.invoke('backup.create', {}));
    expect(backup).toMatchObject({ kind: 'backup', reason: 'manual', schemaVersion: latestSchemaVersion() });
    expect(backup.outboxCount).toBeGreaterThan(0);
    expect(backup.file).toMatch(/^2026-03-20T09-30-00-000Z\.cdbackup$/);
    expect(await value<BackupEntry[]>(app.invoke('backup.list', {}))).toEqual([backup]);
    // The outbox JSON inside is the unsynced changes at that moment.
    const key = keyOf(app.db)!;
    const outbox = readBackupOutbox(join(backupsDir(dataDir), backup.file), key);
    expect(outbox).toHaveLength(backup.outboxCount);

    app.db.prepare('DELETE FROM appointments').run();
    await createPatient(app, 'After');
    expect(appointmentCount(app)).toBe(0);

    const staged = await value<RestoreStaged>(app.invoke('backup.restore', { file: backup.file }));
    expect(staged.restartRequired).toBe(true);
    expect(staged.message).toMatch(/reopen Clinic Desk/);
    // The running app keeps working on its own file until it is reopened.
    expect(appointmentCount(app)).toBe(0);
    app.close();

    app = open(dataDir);
    expect(tableCounts(app.db)).toEqual(before);
    expect(app.db.prepare(`SELECT count(*) FROM patients WHERE last_name = 'After'`).pluck().get()).toBe(0);
    const kept = openDatabase({ path: `${databasePath(dataDir)}.pre-restore`, key });
    expect(kept.prepare(`SELECT count(*) FROM patients WHERE last_name = 'After'`).pluck().get()).toBe(1);
    kept.close();
    expect(existsSync(`${databasePath(dataDir)}.restoring`)).toBe(false);
  });

  it('refuses a tampered backup (GCM authentication) and stages nothing', async () => {
    const dataDir = tempDir();
    const app = open(dataDir);
    const backup = await value<BackupEntry>(app.invoke('backup.create', {}));
    const file = join(backupsDir(dataDir), backup.file);
    const bytes = readFileSync(file);

    const body = Buffer.from(bytes);
    const middle = Math.floor(body.length / 2);
    body[middle] = body[middle]! ^ 0x01;
    writeFileSync(file, body);
    const flipped = await app.invoke('backup.restore', { file: backup.file });
    expect(flipped).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'damaged' } } });

    // The plain header is authenticated too: changing what the list shows breaks the file.
    writeFileSync(file, Buffer.from(bytes.toString('latin1').replace('"reason":"manual"', '"reason":"MANUAL"'), 'latin1'));
    const relabelled = await app.invoke('backup.restore', { file: backup.file });
    expect(relabelled).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'damaged' } } });
    expect(existsSync(`${databasePath(dataDir)}.restoring`)).toBe(false);
  });

  it("refuses a backup made with another desk's key", async () => {
    const first = tempDir();
    const second = tempDir();
    const a = open(first);
    const backup = await value<BackupEntry>(a.invoke('backup.create', {}));
    const b = open(second);
    mkdirSync(backupsDir(second), { recursive: true });
    copyFileSync(join(backupsDir(first), backup.file), join(backupsDir(second), backup.file));
    const envelope = await b.invoke('backup.restore', { file: backup.file });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'wrong_key' } } });
    if (!envelope.ok) expect(envelope.error.message).toMatch(/cannot be opened with this computer's key/);
    expect(() => readBackupOutbox(join(backupsDir(second), backup.file), keyOf(b.db)!)).toThrow(BackupKeyError);
  });

  it('accepts only file names from the list', async () => {
    const app = open(tempDir());
    for (const file of ['../clinic-desk.db', '/etc/passwd', 'x.cdbackup/..', '.hidden.cdbackup']) {
      const envelope = await app.invoke('backup.restore', { file });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    expect(await app.invoke('backup.restore', { file: 'missing.cdbackup' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('takes a backup automatically before a migration changes an existing database', async () => {
    const dataDir = tempDir();
    const path = databasePath(dataDir);
    const key = loadOrCreateDatabaseKey({ store: new FileSecretStore(dataDir), dbPath: path });
    const old = openDatabase({ path, key });
    const from = latestSchemaVersion() - 1;
    migrate(old, { upTo: from });
    seedDemoClinic(old, { now: NOW });
    const counts = tableCounts(old);
    old.close();

    const app = open(dataDir);
    expect(app.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    const list = await value<BackupEntry[]>(app.invoke('backup.list', {}));
    expect(list).toEqual([
      expect.objectContaining({ reason: `before migration ${from}→${latestSchemaVersion()}`, schemaVersion: from }),
    ]);
    // Restoring it brings back the pre-migration database, which then migrates again.
    await value<RestoreStaged>(app.invoke('backup.restore', { file: list[0]!.file }));
    app.close();
    const again = open(dataDir);
    expect(again.db.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(counts.appointments);
    expect(counts.appointments).toBeGreaterThan(0);
  });

  it('takes no backup for a new database or one already up to date', () => {
    const dataDir = tempDir();
    open(dataDir).close();
    open(dataDir);
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([]);
  });
});

describe('restore permissions', () => {
  it('refuses a receptionist', async () => {
    const dataDir = tempDir();
    const app = open(dataDir);
    const backup = await value<BackupEntry>(app.invoke('backup.create', {}));
    const receptionist = app.db.prepare(`SELECT id FROM staff WHERE role = 'receptionist' LIMIT 1`).pluck().get();
    app.db.prepare(`UPDATE local_settings SET value = ? WHERE key = 'current_staff_id'`).run(receptionist);
    expect(await app.invoke('backup.restore', { file: backup.file })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(`${databasePath(dataDir)}.restoring`)).toBe(false);
  });
});

describe('exportUnsyncedChanges', () => {
  it('writes the outbox and the rows it references to an encrypted file', async () => {
    const dataDir = tempDir();
    const app = open(dataDir);
    const patientId = await createPatient(app, 'Unsynced');
    const exported = await value<UnsyncedExported>(app.invoke('backup.exportUnsynced', {}));
    const file = join(backupsDir(dataDir), exported.file);
    expect(exported.file).toMatch(/\.cdunsynced$/);
    expect(readFileSync(file).includes(Buffer.from('Unsynced'))).toBe(false);

    const content = readUnsyncedExport(file, keyOf(app.db)!);
    expect(content.outbox).toHaveLength(exported.outboxCount);
    expect(content.outbox.some((m) => m.row_id === patientId)).toBe(true);
    expect(content.rows.patients?.find((r) => r.id === patientId)).toMatchObject({ last_name: 'Unsynced' });
    expect(content.errors).toEqual([]);

    const list = await value<BackupEntry[]>(app.invoke('backup.list', {}));
    expect(list).toEqual([expect.objectContaining({ file: exported.file, kind: 'unsynced', outboxCount: exported.outboxCount })]);
    // A restore takes backups only.
    expect(await app.invoke('backup.restore', { file: exported.file })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('is callable directly (sync engine, corrupt database) and refuses a wrong key on read', () => {
    const dataDir = tempDir();
    const app = open(dataDir);
    const result = exportUnsyncedChanges(app.db, join(dataDir, 'rescue'), { now: NOW });
    expect(existsSync(result.file)).toBe(true);
    expect(() => readUnsyncedExport(result.file, Buffer.alloc(32, 7))).toThrow(BackupKeyError);
    const bytes = readFileSync(result.file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(result.file, bytes);
    expect(() => readUnsyncedExport(result.file, keyOf(app.db)!)).toThrow(BackupDamagedError);
  });

  it('refuses to back up an in-memory desk with a clear error', async () => {
    const app = createApp({ dataDir: ':memory:', now: () => NOW, logger: { error: () => {} } });
    apps.push(app);
    expect(await app.invoke('backup.create', {})).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'unavailable' } } });
  });
});
