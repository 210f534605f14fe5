import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type WriteDb } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import {
  buildDeferredIndex,
  deferForFirstDownload,
  FIRST_SYNC_DEFERRED_INDEXES,
  FIRST_SYNC_DEFERRED_TRIGGERS,
  pendingDeferredIndexes,
  pendingDeferredTriggers,
} from '../../electron/db/schema/deferred-indexes.ts';
import { listStartingBetween } from '../../electron/db/repos/appointments.ts';
import { BULK_CACHE_KIB } from '../../electron/db/repos/sync-rows.ts';
import { pullAll } from '../../electron/sync/pull.ts';
import type { CompactPage, SyncTransport } from '../../electron/sync/transport.ts';
import { FX, T0, freshDb, seedFixture } from './fixtures.ts';

const indexes = (db: WriteDb) =>
  db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all() as { name: string; sql: string }[];
const triggers = (db: WriteDb) =>
  db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string; sql: string }[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('indexes and triggers deferred during a first download', () => {
  it('lists only indexes that exist, none unique and none named by an INDEXED BY clause', () => {
    const db = freshDb();
    const all = new Map(indexes(db).map((i) => [i.name, i.sql]));
    for (const name of FIRST_SYNC_DEFERRED_INDEXES) {
      expect(all.get(name), name).toBeDefined();
      expect(all.get(name), name).not.toMatch(/^CREATE UNIQUE/i);
    }
    const named = sourceFiles('electron').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/INDEXED BY (\w+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(FIRST_SYNC_DEFERRED_INDEXES).not.toContain(name);
  });

  it('lists every recall-facts trigger on patients and appointments, and only those', () => {
    const db = freshDb();
    const recall = triggers(db).filter((t) => /^recall_facts_/.test(t.name)).map((t) => t.name);
    expect([...FIRST_SYNC_DEFERRED_TRIGGERS].sort()).toEqual(recall.sort());
  });

  it('drops them with a record of each, and migrate() builds them again exactly as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-deferred-'));
    const path = join(dir, 'desk.db');
    try {
      const db = openDatabase({ path });
      migrate(db);
      const before = indexes(db);
      const triggersBefore = triggers(db);
      expect(deferForFirstDownload(db)).toBe(FIRST_SYNC_DEFERRED_INDEXES.length + FIRST_SYNC_DEFERRED_TRIGGERS.length);
      expect(indexes(db).map((i) => i.name)).not.toContain('appointments_day');
      expect(triggers(db).map((t) => t.name)).not.toContain('recall_facts_visit_insert');
      expect(pendingDeferredIndexes(db).map((i) => i.name).sort()).toEqual([...FIRST_SYNC_DEFERRED_INDEXES].sort());
      expect(pendingDeferredTriggers(db).map((i) => i.name).sort()).toEqual([...FIRST_SYNC_DEFERRED_TRIGGERS].sort());
      db.close(); // as a kill in the middle of the download leaves it

      const reopened = openDatabase({ path });
      migrate(reopened);
      expect(indexes(reopened)).toEqual(before);
      expect(triggers(reopened)).toEqual(triggersBefore);
      expect(pendingDeferredIndexes(reopened)).toEqual([]);
      expect(pendingDeferredTriggers(reopened)).toEqual([]);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts the connection\'s cache size and sorter threads back after each build', () => {
    const db = freshDb();
    seedFixture(db);
    db.pragma('cache_size = -4096');
    deferForFirstDownload(db);
    for (const index of pendingDeferredIndexes(db)) buildDeferredIndex(db, index);
    expect(pendingDeferredIndexes(db)).toEqual([]);
    expect(db.pragma('cache_size', { simple: true })).toBe(-4096);
    expect(db.pragma('threads', { simple: true })).toBe(0);
  });

  it('answers the day schedule the same while they are left out', () => {
    const db = freshDb();
    seedFixture(db);
    const insert = db.prepare(
      `INSERT INTO appointments (id, clinic_id, doctor_id, patient_id, starts_at, ends_at, status, version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    for (let i = 0; i < 40; i++) {
      const start = Date.parse('2026-11-23T08:15:00Z') + i * 3_600_000; // no tie with the fixture's 09:00
      insert.run(`01900000-0000-7000-8000-${String(900 + i).padStart(12, '0')}`, FX.clinic, i % 2 ? FX.doctorA : FX.doctorB, FX.patient,
        new Date(start).toISOString(), new Date(start + 1_800_000).toISOString(), i % 5 ? 'scheduled' : 'cancelled', T0);
    }
    const day = () => listStartingBetween(db, FX.clinic, '2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z');
    const withIndexes = day();
    expect(withIndexes.length).toBeGreaterThan(10);
    deferForFirstDownload(db);
    expect(day()).toEqual(withIndexes);
  });
});

function patientPage(from: number, n: number, more: boolean): CompactPage {
  const rows = Array.from({ length: n }, (_, i) => [`01900000-0000-7000-8000-${String(from + i).padStart(12, '0')}`, FX.clinic, 'Pat', `Deferred ${from + i}`, 1, T0]);
  return { tables: [{ table: 'patients', columns: ['id', 'clinic_id', 'first_name', 'last_name', 'version', 'updated_at'], rows }], cursor: `e1:${from + n}`, has_more: more };
}

describe('pullAll and deferred indexes', () => {
  const run = async (db: WriteDb, pages: CompactPage[], deferIndexesOn: boolean) => {
    const seen: string[][] = [];
    let next = 0;
    const transport = { pullCompact: () => Promise.resolve(pages[next++]!) } as unknown as SyncTransport;
    await pullAll({
      db,
      transport,
      serverUrl: 'http://server.test',
      now: () => new Date(T0),
      pageSize: 100,
      sliceMs: 60_000,
      deferSchema: deferIndexesOn,
      onPage: () => seen.push(pendingDeferredIndexes(db).map((i) => i.name)),
    });
    return seen;
  };

  it('leaves them out for the pages of a first download and builds them before its last page', async () => {
    const db = freshDb();
    seedFixture(db);
    const before = indexes(db);
    const triggersBefore = triggers(db);
    const seen = await run(db, [patientPage(0, 100, true), patientPage(100, 100, true), patientPage(200, 50, false)], true);
    expect(seen[0]).toContain('patients_clinic_name');
    expect(seen[1]).toContain('patients_clinic_name');
    expect(seen[2]).toEqual([]); // the last page (which ends the download) found them built
    expect(indexes(db)).toEqual(before);
    expect(triggers(db)).toEqual(triggersBefore);
    // The 250 patients arrived without the triggers; their facts were recomputed at the end.
    expect(db.prepare('SELECT count(*) FROM recall_patient_facts').pluck().get()).toBe(db.prepare('SELECT count(*) FROM patients').pluck().get());
    expect(db.prepare(`SELECT count(*) FROM patients WHERE last_name LIKE 'Deferred %'`).pluck().get()).toBe(250);
    expect(db.prepare('SELECT initial_done FROM sync_state').pluck().get()).toBe(1);
  });

  it('builds them again when the download is cut off', async () => {
    const db = freshDb();
    seedFixture(db);
    const before = indexes(db);
    let next = 0;
    const pages = [patientPage(0, 100, true)];
    const transport = {
      pullCompact: () => (next < pages.length ? Promise.resolve(pages[next++]!) : Promise.reject(new Error('connection lost'))),
    } as unknown as SyncTransport;
    const pull = pullAll({ db, transport, serverUrl: 'http://server.test', now: () => new Date(T0), pageSize: 100, sliceMs: 60_000, deferSchema: true, onPage: () => undefined });
    await expect(pull).rejects.toThrow('connection lost');
    expect(indexes(db)).toEqual(before);
    expect(pendingDeferredTriggers(db)).toEqual([]);
    expect(pendingDeferredIndexes(db)).toEqual([]);
  });

  it('keeps every index when the desk has synced before or the option is off', async () => {
    const synced = freshDb();
    seedFixture(synced);
    await run(synced, [patientPage(0, 10, false)], true);
    const seen = await run(synced, [patientPage(10, 100, true), patientPage(110, 10, false)], true);
    expect(seen.flat()).toEqual([]);

    const off = freshDb();
    seedFixture(off);
    expect((await run(off, [patientPage(0, 100, true), patientPage(100, 10, false)], false)).flat()).toEqual([]);
  });
});

describe('pullAll and the page cache', () => {
  it('gives a large download at least BULK_CACHE_KIB and then puts the connection\'s own size back', async () => {
    for (const own of [-2 * BULK_CACHE_KIB, -2000]) {
      const db = freshDb();
      seedFixture(db);
      db.pragma(`cache_size = ${own}`);
      const during: number[] = [];
      const pages = [patientPage(0, 100, true), patientPage(100, 10, false)];
      let next = 0;
      await pullAll({
        db,
        transport: { pullCompact: () => Promise.resolve(pages[next++]!) } as unknown as SyncTransport,
        serverUrl: 'http://server.test',
        now: () => new Date(T0),
        pageSize: 100,
        sliceMs: 60_000,
        onPage: () => during.push(db.pragma('cache_size', { simple: true }) as number),
      });
      expect(during[0]).toBe(Math.min(own, -BULK_CACHE_KIB));
      expect(db.pragma('cache_size', { simple: true })).toBe(own);
    }
  });
});
