import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids.ts';
import type { AppointmentDetail, SyncStatus } from '../../shared/domain/types.ts';
import type { AttentionItem } from '../../shared/domain/sync-types.ts';
import { createClinic, type TestClinic } from './fixtures.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { useStack } from './harness.ts';
import { type Desk, expectConverged, openDesk, removeDir, seedReference, settle, slot, waitFor } from './sync-desk.ts';

const harness = useStack();
const opened: Desk[] = [];
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(harness().stack.url);
});
afterAll(async () => {
  for (const d of opened) {
    await d.close();
    removeDir(d.dataDir);
  }
  await proxy.close();
});

type Ref = Awaited<ReturnType<typeof seedReference>>;
async function setup(label: string, o: { now?: () => Date } = {}) {
  proxy.set({ mode: 'pass' });
  const h = harness();
  const clinic = await createClinic(h.db, label);
  const ref = await seedReference(h.db, clinic.id, 4);
  const desk = await open(clinic, o);
  await settle([desk]);
  return { h, clinic, ref, desk };
}
async function open(clinic: TestClinic, o: { now?: () => Date; dataDir?: string } = {}) {
  const d = await openDesk(harness().stack, clinic.users.receptionist, { url: proxy.url, ...o });
  opened.push(d);
  return d;
}
const book = (d: Desk, ref: Ref, patient: number, startsAt: string) =>
  d.invoke<AppointmentDetail>('appointments.book', { patientId: ref.patientIds[patient], doctorId: ref.doctorId, appointmentTypeId: ref.typeId, startsAt });
const serverCount = async (db: pg.Client, sql: string, args: unknown[]) => Number((await db.query<{ n: string }>(sql, args)).rows[0]!.n);

describe('sync under faults', () => {
  it('works offline when the server is down at start and catches up when it comes back', async () => {
    const { h, clinic, ref, desk } = await setup('down');
    await desk.close();
    proxy.set({ mode: 'refuse' });
    const again = await open(clinic, { dataDir: desk.dataDir });
    const appt = await book(again, ref, 0, slot(2, 9));
    const offline = await again.app.sync!.syncNow();
    expect(offline).toMatchObject({ mode: 'offline', online: false, verified: false, pendingChanges: 1 });
    proxy.set({ mode: 'pass' });
    await settle([again]);
    expect(await serverCount(h.db, 'select count(*) n from public.appointments where id = $1', [appt.id])).toBe(1);
    await expectConverged(h.db, clinic.id, [again]);
  });

  it('does not duplicate a push whose connection was cut or whose answer was lost after commit', async () => {
    const { h, clinic, ref, desk } = await setup('cut');
    proxy.set({ mode: 'cut', path: 'sync_push', times: 1 });
    const a = await book(desk, ref, 0, slot(2, 9));
    await waitFor('cut push retried', () => proxy.count('sync_push') >= 2);
    proxy.set({ mode: 'drop_after_commit', path: 'sync_push', times: 1 });
    const b = await book(desk, ref, 1, slot(2, 10));
    await settle([desk]);
    for (const id of [a.id, b.id]) {
      expect(await serverCount(h.db, 'select count(*) n from public.appointments where id = $1', [id])).toBe(1);
      expect(await serverCount(h.db, `select count(*) n from public.audit_log where row_id = $1 and action = 'appointments.book'`, [id])).toBe(1);
    }
    expect(await desk.invoke<AttentionItem[]>('sync.attention.list', {})).toHaveLength(0);
    await expectConverged(h.db, clinic.id, [desk]);
  });

  it('refreshes an access token that expired during a long outage once the server is back', async () => {
    const { h, clinic, ref, desk } = await setup('expiry');
    proxy.set({ mode: 'refuse' });
    desk.tokens.expire(h.stack.jwtSecret);
    await book(desk, ref, 0, slot(2, 11));
    expect(desk.tokens.refreshes).toBe(0); // never asks auth while the server is unreachable
    proxy.set({ mode: 'pass' });
    await settle([desk]);
    expect(desk.tokens.refreshes).toBeGreaterThanOrEqual(1);
    await expectConverged(h.db, clinic.id, [desk]);
  });

  it('parks one mutation the server rejects for good and sends the other 99', async () => {
    const { h, clinic, ref, desk } = await setup('poison');
    await desk.app.sync!.stop();
    for (let i = 0; i < 98; i++) {
      await desk.invoke('patients.update', { id: ref.patientIds[i % 4], notes: `note ${i}` });
    }
    // A change the server refuses for good (CHECK violation), queued between valid ones.
    desk.app.db
      .prepare(
        `INSERT INTO outbox (id, clinic_id, table_name, row_id, op, changes, base_version, actor_staff_id, created_at)
         VALUES (?, ?, 'patients', ?, 'update', '{"preferred_channel":"pigeon"}', 1, ?, ?)`,
      )
      .run(uuidv7(), clinic.id, randomUUID(), clinic.users.receptionist.id, new Date().toISOString());
    await desk.invoke('patients.update', { id: ref.patientIds[0], notes: 'last note' });
    desk.app.sync!.start();
    await settle([desk]);
    const items = await desk.invoke<AttentionItem[]>('sync.attention.list', {});
    expect(items.map((i) => i.reason)).toEqual(['not_found']);
    const { rows } = await h.db.query('select notes from public.patients where id = $1', [ref.patientIds[0]]);
    expect(rows[0].notes).toBe('last note');
    await expectConverged(h.db, clinic.id, [desk]);
  });

  it('delivers, once, the rows of a server transaction held open while later ones commit', async () => {
    const { h, clinic, desk } = await setup('slowtx');
    const slow = new pg.Client({ connectionString: h.stack.pgUrl });
    await slow.connect();
    try {
      const early = randomUUID();
      const late = randomUUID();
      await slow.query('begin');
      await slow.query(`insert into public.patients (id, clinic_id, first_name, last_name) values ($1, $2, 'Early', 'Writer')`, [early, clinic.id]);
      await h.db.query(`insert into public.patients (id, clinic_id, first_name, last_name) values ($1, $2, 'Late', 'Writer')`, [late, clinic.id]);
      // The held transaction holds the horizon back: the later commit waits with it, nothing is skipped.
      await desk.app.sync!.syncNow();
      await desk.app.sync!.syncNow();
      expect(desk.app.db.prepare('SELECT id FROM patients WHERE id IN (?, ?)').all(early, late)).toEqual([]);
      await new Promise((r) => setTimeout(r, 1500));
      await slow.query('commit');
      await waitFor('both patients', () => (desk.app.db.prepare('SELECT count(*) AS n FROM patients WHERE id IN (?, ?)').get(early, late) as { n: number }).n === 2);
      await settle([desk]);
      await expectConverged(h.db, clinic.id, [desk]);
    } finally {
      await slow.end();
    }
  });

  it('resyncs after the server is restored from an older backup, keeping and re-sending local work', async () => {
    const { h, clinic, ref, desk } = await setup('restore');
    await desk.app.sync!.stop();
    const appt = await book(desk, ref, 0, slot(5, 9));
    // The "backup" lacks a patient the desk already had, and the epoch changes.
    const lost = ref.patientIds[3]!;
    await h.db.query('delete from public.patients where id = $1', [lost]);
    await h.db.query('select private.rotate_sync_epoch()');
    desk.app.sync!.start();
    await settle([desk]);
    expect(await serverCount(h.db, 'select count(*) n from public.patients where id = $1', [lost])).toBe(1);
    expect(await serverCount(h.db, 'select count(*) n from public.appointments where id = $1', [appt.id])).toBe(1);
    await expectConverged(h.db, clinic.id, [desk]);
  });

  it('syncs desks whose clocks are a day fast and a day slow, and warns about them', async () => {
    const { h, clinic, ref, desk } = await setup('clock', { now: () => new Date(Date.now() + 86_400_000) });
    const slowDesk = await open(clinic, { now: () => new Date(Date.now() - 86_400_000) });
    await settle([slowDesk]);
    const a = await book(desk, ref, 0, slot(4, 9));
    const b = await book(slowDesk, ref, 1, slot(4, 10));
    await settle([desk, slowDesk]);
    for (const d of [desk, slowDesk]) {
      const s = await d.invoke<SyncStatus>('sync.status', {});
      expect(s.clockWarning).toMatch(/clock/);
      expect(d.app.db.prepare('SELECT count(*) AS n FROM appointments WHERE id IN (?, ?)').get(a.id, b.id)).toEqual({ n: 2 });
    }
    await expectConverged(h.db, clinic.id, [desk, slowDesk]);
  });

  it('says "not synced" when a local row differs from the server, and repairs it', async () => {
    const { h, clinic, ref, desk } = await setup('verify');
    expect((await desk.app.sync!.syncNow()).verified).toBe(true);
    await desk.app.sync!.stop();
    desk.app.db.prepare('UPDATE patients SET version = version + 5 WHERE id = ?').run(ref.patientIds[0]);
    desk.app.sync!.start();
    expect((await desk.app.sync!.syncNow()).verified).toBe(false);
    await settle([desk]);
    await expectConverged(h.db, clinic.id, [desk]);
  });
});
