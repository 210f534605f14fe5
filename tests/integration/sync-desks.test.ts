import { afterAll, describe, expect, it } from 'vitest';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import type { AttentionItem } from '../../shared/domain/sync-types.ts';
import { writeTransaction } from '../../electron/db/write/mutation-writer.ts';
import { createClinic } from './fixtures.ts';
import { useStack } from './harness.ts';
import { type Desk, expectConverged, openDesk, removeDir, seedReference, settle, slot, waitFor } from './sync-desk.ts';
import { startFaultProxy } from './fault-proxy.ts';

const harness = useStack();
const opened: Desk[] = [];
afterAll(async () => {
  for (const d of opened) {
    await d.close();
    removeDir(d.dataDir);
  }
});

async function twoDesks(label: string, url?: string) {
  const h = harness();
  const clinic = await createClinic(h.db, label);
  const ref = await seedReference(h.db, clinic.id);
  const a = await openDesk(h.stack, clinic.users.receptionist, { url });
  const b = await openDesk(h.stack, clinic.users.manager, { url });
  opened.push(a, b);
  await settle([a, b]);
  return { h, clinic, ref, a, b };
}

const book = (d: Desk, ref: Awaited<ReturnType<typeof seedReference>>, patient: number, startsAt: string) =>
  d.invoke<AppointmentDetail>('appointments.book', {
    patientId: ref.patientIds[patient],
    doctorId: ref.doctorId,
    appointmentTypeId: ref.typeId,
    startsAt,
  });

describe('sync between desks', () => {
  it('downloads the clinic, shows each desk the other one’s bookings within seconds and verifies', async () => {
    const { h, clinic, ref, a, b } = await twoDesks('desks');
    const info = await a.invoke<{ clinic: { id: string } }>('app.info', {});
    expect(info.clinic.id).toBe(clinic.id);
    const booked = await book(a, ref, 0, slot(2, 9));
    await waitFor('booking on desk B', () => b.app.db.prepare('SELECT 1 FROM appointments WHERE id = ?').get(booked.id), 5000);
    const other = await book(b, ref, 1, slot(2, 10));
    await waitFor('booking on desk A', () => a.app.db.prepare('SELECT 1 FROM appointments WHERE id = ?').get(other.id), 5000);
    await settle([a, b]);
    await expectConverged(h.db, clinic.id, [a, b]);
    const status = await a.invoke<{ verified: boolean; mode: string; pendingChanges: number }>('sync.status', {});
    expect(status).toMatchObject({ verified: true, mode: 'online', pendingChanges: 0 });
  });

  it('offers the next free slots to the second desk when both booked the same slot offline', async () => {
    const h = harness();
    const proxy = await startFaultProxy(h.stack.url);
    try {
      const { clinic, ref, a, b } = await twoDesks('sameslot', proxy.url);
      proxy.set({ mode: 'refuse' });
      const start = slot(3, 9);
      const first = await book(a, ref, 0, start);
      const second = await book(b, ref, 1, start);
      expect(first.id).not.toBe(second.id);
      // Desk A reaches the server first, so desk B's booking is the one refused.
      await b.app.sync!.stop();
      proxy.set({ mode: 'pass' });
      await settle([a]);
      b.app.sync!.start();
      await settle([a, b]);
      const [items] = await Promise.all([b.invoke<AttentionItem[]>('sync.attention.list', {})]);
      const item = items.find((i) => i.rowId === second.id)!;
      expect(item).toMatchObject({ table: 'appointments', op: 'insert', reason: 'overlap_doctor', byStaffId: clinic.users.manager.id });
      expect(item.fixes).toContain('rebook');
      expect(item.freeSlots.length).toBeGreaterThan(0);
      expect(item.freeSlots.some((s) => s.startsAt === start)).toBe(false);
      // the refused booking is gone locally, the first desk's booking is there instead
      expect(b.app.db.prepare('SELECT id FROM appointments WHERE starts_at = ?').all(start)).toEqual([{ id: first.id }]);
      const audit = b.app.db.prepare(`SELECT action FROM audit_log WHERE row_id = ? AND action = 'sync.rejected'`).all(second.id);
      expect(audit).toHaveLength(1);
      const fixed = await b.invoke<{ appointmentId: string }>('sync.attention.resolve', {
        id: item.id,
        action: 'rebook',
        slot: { startsAt: item.freeSlots[0]!.startsAt },
      });
      await settle([a, b]);
      await expectConverged(h.db, clinic.id, [a, b]);
      const { rows } = await h.db.query('select patient_id from public.appointments where id = $1', [fixed.appointmentId]);
      expect(rows[0].patient_id).toBe(ref.patientIds[1]);
      expect(await b.invoke<AttentionItem[]>('sync.attention.list', {})).toHaveLength(0);
    } finally {
      await proxy.close();
    }
  });

  it('keeps an edit of an appointment another desk deleted as a conflict, restoring the deletion', async () => {
    const { h, clinic, ref, a, b } = await twoDesks('editdeleted');
    const appt = await book(a, ref, 0, slot(4, 11));
    await settle([a, b]);
    await a.app.sync!.stop();
    // desk A (paused) changes notes; desk B deletes it meanwhile
    const ctx = (d: Desk, staff: string) => ({ db: d.app.db, clinicId: clinic.id, actorStaffId: staff, deskId: 'x', now: () => new Date() });
    writeTransaction(ctx(b, clinic.users.manager.id), 'test.delete', (w) => w.softDelete('appointments', appt.id));
    await settle([b]);
    writeTransaction(ctx(a, clinic.users.receptionist.id), 'test.edit', (w) => w.update('appointments', appt.id, { notes: 'bring x-rays' }));
    a.app.sync!.start();
    await settle([a, b]);
    const items = await a.invoke<AttentionItem[]>('sync.attention.list', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reason: 'conflict', rowId: appt.id, op: 'update' });
    expect(items[0]!.message).toMatch(/deleted/);
    expect(items[0]!.attempted[0]!.changes).toEqual({ notes: 'bring x-rays' });
    const local = a.app.db.prepare('SELECT deleted_at, notes FROM appointments WHERE id = ?').get(appt.id) as { deleted_at: string | null; notes: string | null };
    expect(local.deleted_at).not.toBeNull();
    expect(local.notes).toBeNull();
    await expectConverged(h.db, clinic.id, [a, b]);
  });
});
