import { describe, expect, it } from 'vitest';
import type { AppointmentDetail, SyncStatus } from '../../shared/domain/types.ts';
import { createClinic } from './fixtures.ts';
import { useFaultyDesks } from './faulty-desks.ts';
import { openDesk, seedReference, settle, slot, waitFor } from './sync-desk.ts';

// What the sync status tells a person: changes she made (not outbox rows), and never "Synced"
// while the server has stopped answering.
const { h, opened, proxy } = useFaultyDesks();

async function setup(label: string) {
  proxy.set({ mode: 'pass' });
  const clinic = await createClinic(h().db, label);
  const ref = await seedReference(h().db, clinic.id, 4);
  const desk = await openDesk(h().stack, clinic.users.receptionist, { url: proxy.url, syncOptions: { stallMs: 500, timeoutMs: 60_000 } });
  opened.push(desk);
  await settle([desk]);
  const book = (patient: number, startsAt: string) =>
    desk.invoke<AppointmentDetail>('appointments.book', { patientId: ref.patientIds[patient], doctorId: ref.doctorId, appointmentTypeId: ref.typeId, startsAt });
  return { desk, book };
}

describe('sync status words', () => {
  it('counts three bookings made offline as three changes waiting, not their six outbox rows', async () => {
    const { desk, book } = await setup('count');
    proxy.set({ mode: 'refuse' });
    await book(0, slot(2, 9));
    await book(1, slot(2, 10));
    await book(2, slot(2, 11));
    const rows = (desk.app.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
    expect(rows).toBe(6); // each booking queues its appointment and its audit row
    const offline = await desk.invoke<SyncStatus>('sync.now', {});
    expect(offline).toMatchObject({ mode: 'offline', pendingChanges: 3, verified: false, lastErrorKind: 'offline' });
    proxy.set({ mode: 'pass' });
    await settle([desk]);
    expect(await desk.invoke<SyncStatus>('sync.status', {})).toMatchObject({ pendingChanges: 0, lastErrorKind: null });
  });

  it('stops saying "Synced" while a request to the server goes unanswered, and says it again once answered', async () => {
    const { desk } = await setup('hang');
    expect(await desk.invoke<SyncStatus>('sync.status', {})).toMatchObject({ mode: 'online', verified: true });
    proxy.set({ mode: 'delay', delayMs: 8_000 });
    const hung = await waitFor('the status to leave "Synced"', async () => {
      const s = await desk.invoke<SyncStatus>('sync.status', {});
      return s.mode === 'connecting' ? s : null;
    });
    expect(hung.verified).toBe(false);
    proxy.set({ mode: 'pass' });
    await waitFor('the status to be "Synced" again', async () => (await desk.invoke<SyncStatus>('sync.status', {})).mode === 'online', 30_000);
  });
});
