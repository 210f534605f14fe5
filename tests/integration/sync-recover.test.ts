import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/storage/open-desk-database.ts';
import type { AppInfo, AppointmentDetail } from '../../shared/domain/types.ts';
import { createClinic } from './fixtures.ts';
import { useFaultyDesks } from './faulty-desks.ts';
import { type Desk, expectConverged, openDesk, seedReference, settle, slot } from './sync-desk.ts';

const { h, opened, proxy } = useFaultyDesks();

async function open(login: Parameters<typeof openDesk>[1], dataDir?: string): Promise<Desk> {
  const d = await openDesk(h().stack, login, { url: proxy.url, ...(dataDir ? { dataDir } : {}) });
  opened.push(d);
  return d;
}

const serverCount = async (sql: string, args: unknown[]) => Number((await h().db.query<{ n: string }>(sql, args)).rows[0]!.n);

describe('a damaged local database', () => {
  it('saves the unsynced changes to a file, rebuilds from the server and sends them', async () => {
    const clinic = await createClinic(h().db, 'damaged');
    const ref = await seedReference(h().db, clinic.id, 2);
    const desk = await open(clinic.users.receptionist);
    await settle([desk]);
    proxy.set({ mode: 'refuse' });
    const booked = await desk.invoke<AppointmentDetail>('appointments.book', {
      patientId: ref.patientIds[0],
      doctorId: ref.doctorId,
      appointmentTypeId: ref.typeId,
      startsAt: slot(3, 9),
    });
    const outboxIds = (desk.app.db.prepare('SELECT id FROM outbox ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    expect(outboxIds.length).toBeGreaterThan(0);
    await desk.close();
    // Damage the file's header: SQLite no longer recognises it as a database.
    const file = databasePath(desk.dataDir);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('garbage garbage!'), 0, 16, 0);
    closeSync(fd);

    proxy.set({ mode: 'pass' });
    const again = await open(clinic.users.receptionist, desk.dataDir);
    const notice = again.app.recovery!;
    expect(notice.message).toMatch(/damaged/);
    expect(notice.changes).toBe(outboxIds.length);
    expect(existsSync(notice.keptFile)).toBe(true);
    const exported = JSON.parse(readFileSync(notice.exportFile!, 'utf8')) as { outbox: { id: string }[] };
    expect(exported.outbox.map((m) => m.id)).toEqual(outboxIds);
    await settle([again]);
    expect(await serverCount('select count(*) n from public.appointments where id = $1', [booked.id])).toBe(1);
    expect(again.app.db.prepare('SELECT id FROM appointments WHERE id = ?').get(booked.id)).toBeDefined();
    await expectConverged(h().db, clinic.id, [again]);
    // The staff are told (app.info → banner) until someone dismisses it, also after a restart.
    expect((await again.invoke<AppInfo>('app.info', {})).recovery).toMatchObject({
      exportFile: notice.exportFile,
      keptFile: notice.keptFile,
      changes: outboxIds.length,
      requeued: outboxIds.length,
      dismissed: false,
    });
    await again.invoke('app.dismissRecovery', {});
    await again.close();
    const restarted = await open(clinic.users.receptionist, desk.dataDir);
    expect(restarted.app.recovery).toBeNull();
    expect((await restarted.invoke<AppInfo>('app.info', {})).recovery).toMatchObject({ keptFile: notice.keptFile, dismissed: true });
  });

  it('rebuilds an unreadable database from the server and says nothing could be saved', async () => {
    const clinic = await createClinic(h().db, 'unreadable');
    const ref = await seedReference(h().db, clinic.id, 2);
    const desk = await open(clinic.users.receptionist);
    await settle([desk]);
    await desk.invoke('appointments.book', { patientId: ref.patientIds[1], doctorId: ref.doctorId, appointmentTypeId: ref.typeId, startsAt: slot(4, 9) });
    await settle([desk]);
    await desk.close();
    const file = databasePath(desk.dataDir);
    writeFileSync(file, randomBytes(statSync(file).size));

    const again = await open(clinic.users.receptionist, desk.dataDir);
    expect(again.app.recovery).toMatchObject({ exportFile: null, changes: 0 });
    expect(again.app.recovery!.message).toMatch(/could not be read/);
    await settle([again]);
    await expectConverged(h().db, clinic.id, [again]);
    expect((again.app.db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n).toBe(1);
    expect((await again.invoke<AppInfo>('app.info', {})).recovery).toMatchObject({ exportFile: null, changes: 0, requeued: 0, dismissed: false });
  });
});
