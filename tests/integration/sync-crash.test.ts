import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/storage/open-desk-database.ts';
import { openDatabase, type WriteDb } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { createClinic, type TestClinic } from './fixtures.ts';
import { useStack, type StackInfo } from './harness.ts';
import { type Desk, expectConverged, openDesk, removeDir, settle } from './sync-desk.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const harness = useStack();
const opened: Desk[] = [];
afterAll(async () => {
  for (const d of opened) {
    await d.close();
    removeDir(d.dataDir);
  }
});

/** Runs a desk in a child process and SIGKILLs it once it printed `until` lines matching `marker`. */
function runAndKill(stack: StackInfo, clinic: TestClinic, dataDir: string, mode: 'pull' | 'write', marker: string, until: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', path.join(here, 'sync-child.ts'), JSON.stringify({ stack, login: clinic.users.receptionist, dataDir, mode })], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString().split('\n').filter((l) => l.startsWith(marker)).length;
      if (seen >= until) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

const indexesOf = (db: WriteDb) => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();

function deferredIndexCount(dataDir: string): number {
  const db = openDatabase({ path: databasePath(dataDir) });
  try {
    return db.prepare('SELECT count(*) FROM deferred_indexes').pluck().get() as number;
  } finally {
    db.close();
  }
}

function checkIntegrity(dataDir: string) {
  const db = openDatabase({ path: databasePath(dataDir) });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every local write is whole: a row, its outbox insert and its audit row, or none of them.
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM patients p WHERE p.version = 0 AND (
           NOT EXISTS (SELECT 1 FROM outbox o WHERE o.table_name = 'patients' AND o.row_id = p.id)
           OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.row_id = p.id))`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    const dangling = db
      .prepare(`SELECT count(*) AS n FROM outbox o WHERE o.table_name = 'patients' AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = o.row_id)`)
      .get() as { n: number };
    expect(dangling.n).toBe(0);
  } finally {
    db.close();
  }
}

describe('sync after the desk process is killed', () => {
  it('keeps a consistent database when killed during a pull and finishes the pull on restart', async () => {
    const h = harness();
    const clinic = await createClinic(h.db, 'killpull');
    await h.db.query(
      `insert into public.patients (id, clinic_id, first_name, last_name)
       select gen_random_uuid(), $1, 'Bulk', 'Patient ' || g from generate_series(1, 6000) g`,
      [clinic.id],
    );
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clinic-desk-kill-'));
    await runAndKill(h.stack, clinic, dataDir, 'pull', 'page', 3);
    checkIntegrity(dataDir);
    // Killed in the middle of a first download: some indexes were left out, with their record.
    expect(deferredIndexCount(dataDir)).toBeGreaterThan(0);
    const desk = await openDesk(h.stack, clinic.users.receptionist, { dataDir });
    opened.push(desk);
    await settle([desk], 60_000);
    await expectConverged(h.db, clinic.id, [desk]);
    // The restart built them again: the same indexes as a new database's.
    const fresh = openDatabase({ path: ':memory:' });
    migrate(fresh);
    expect(indexesOf(desk.app.db)).toEqual(indexesOf(fresh));
    fresh.close();
  });

  it('loses no committed local write when killed while writing, and sends them all on restart', async () => {
    const h = harness();
    const clinic = await createClinic(h.db, 'killwrite');
    const first = await openDesk(h.stack, clinic.users.receptionist);
    await settle([first]);
    await first.close();
    await runAndKill(h.stack, clinic, first.dataDir, 'write', 'wrote', 4);
    checkIntegrity(first.dataDir);
    const db = openDatabase({ path: databasePath(first.dataDir) });
    const written = (db.prepare(`SELECT count(*) AS n FROM patients`).get() as { n: number }).n;
    db.close();
    expect(written).toBeGreaterThanOrEqual(16);
    const desk = await openDesk(h.stack, clinic.users.receptionist, { dataDir: first.dataDir });
    opened.push(desk);
    await settle([desk]);
    await expectConverged(h.db, clinic.id, [desk]);
    const { rows } = await h.db.query<{ n: string }>('select count(*) n from public.patients where clinic_id = $1', [clinic.id]);
    expect(Number(rows[0]!.n)).toBe(written);
  });
});
