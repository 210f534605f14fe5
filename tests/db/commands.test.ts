import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import type { ClinicEvent } from '../../shared/events.ts';
import type { DaySchedule } from '../../shared/domain/types.ts';
import { FX, count, seedFixture } from './fixtures.ts';

describe('commands', () => {
  let app: ClinicApp;
  beforeEach(() => {
    app = createApp({ dataDir: ':memory:', demo: false, now: () => new Date('2026-11-23T10:00:00Z') });
    seedFixture(app.db);
  });
  afterEach(() => app.close());

  const writes = () => [count(app.db, 'appointments'), count(app.db, 'audit_log'), count(app.db, 'outbox')];

  describe('envelopes', () => {
    it('answers validation_error naming the field, and changes nothing', async () => {
      const before = writes();
      const res = await app.invoke('schedule.day', { date: '2026-02-30' });
      expect(res).toEqual({
        ok: false,
        error: { code: 'validation_error', field: 'date', reason: 'calendar_date', message: expect.stringMatching(/^date: must be a calendar date/) },
      });
      const bad = await app.invoke('appointments.setStatus', { id: 'nope', status: 'arrived' });
      expect(bad.ok || bad.error.field).toBe('id');
      expect(writes()).toEqual(before);
    });

    it('refuses unknown fields and unknown commands', async () => {
      const extra = await app.invoke('schedule.day', { date: '2026-11-23', evil: 1 });
      expect(extra.ok || extra.error).toMatchObject({ code: 'validation_error', field: 'evil' });
      expect(await app.invoke('admin.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    });

    it('turns an unexpected failure into internal with a reference, not a stack', async () => {
      const logged: string[] = [];
      const broken = createApp({ dataDir: ':memory:', demo: false, logger: { error: (m) => logged.push(m) } });
      seedFixture(broken.db);
      broken.db.pragma('foreign_keys = OFF');
      broken.db.exec('DROP TABLE appointment_types');
      const res = await broken.invoke('schedule.day', { date: '2026-11-23' });
      broken.close();
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('internal');
        expect(res.error.message).not.toMatch(/appointment_types|at .*\.ts/);
      }
      expect(logged).toEqual(['command schedule.day failed']);
    });
  });

  describe('warmUp', () => {
    it('reads the first screen without writing anything, and is harmless with no clinic yet', async () => {
      const before = writes();
      await expect(app.warmUp()).resolves.toBeUndefined();
      expect(writes()).toEqual(before);
      const empty = createApp({ dataDir: ':memory:', demo: false });
      await expect(empty.warmUp()).resolves.toBeUndefined();
      empty.close();
    });
  });

  describe('schedule.day', () => {
    it('returns the doctors working that day with hours in the clinic time zone, and only that day’s appointments', async () => {
      const res = await app.invoke('schedule.day', { date: '2026-11-23' });
      expect(res.ok).toBe(true);
      const day = (res as { value: DaySchedule }).value;
      expect(day.day).toEqual({ startsAt: '2026-11-22T23:00:00.000Z', endsAt: '2026-11-23T23:00:00.000Z' });
      expect(day.doctors.map((d) => d.id)).toEqual([FX.doctorA]);
      expect(day.doctors[0]!.hours).toEqual([
        { startsAt: '2026-11-23T08:00:00.000Z', endsAt: '2026-11-23T13:00:00.000Z', roomId: FX.room, roomName: 'Room 1' },
        { startsAt: '2026-11-23T14:00:00.000Z', endsAt: '2026-11-23T18:00:00.000Z', roomId: FX.room, roomName: 'Room 1' },
      ]);
      expect(day.doctors[0]!.breaks).toEqual([
        { startsAt: '2026-11-23T12:00:00.000Z', endsAt: '2026-11-23T12:30:00.000Z', label: 'Coffee' },
      ]);
      expect(day.appointments.map((a) => [a.id, a.patientName, a.typeName])).toEqual([
        [FX.appt, 'Lucía García', 'Cleaning'],
      ]);
    });

    it('spans 23 hours on the spring daylight-saving day', async () => {
      const res = await app.invoke('schedule.day', { date: '2026-03-29' });
      const day = (res as { value: DaySchedule }).value;
      expect(Date.parse(day.day.endsAt) - Date.parse(day.day.startsAt)).toBe(23 * 3600_000);
      expect(day.doctors[0]!.hours[0]).toMatchObject({ startsAt: '2026-03-29T07:00:00.000Z' });
    });

    it('shows a doctor who does not work that day but has a booking, so nothing booked is hidden', async () => {
      app.db
        .prepare(`UPDATE appointments SET doctor_id = ? WHERE id = ?`)
        .run(FX.doctorB, FX.appt);
      const res = await app.invoke('schedule.day', { date: '2026-11-23' });
      expect((res as { value: DaySchedule }).value.doctors.map((d) => d.id).sort()).toEqual([FX.doctorA, FX.doctorB].sort());
    });

    it('marks a clinic closure and a vacation on the day', async () => {
      app.db
        .prepare(
          `INSERT INTO clinic_blocked_periods (id, clinic_id, starts_at, ends_at, reason, updated_at)
           VALUES ('01900000-0000-7000-8000-000000003001', ?, '2026-11-23T16:00:00.000Z', '2026-11-24T08:00:00.000Z', 'Staff training', ?)`,
        )
        .run(FX.clinic, '2026-01-01T00:00:00.000Z');
      app.db
        .prepare(
          `INSERT INTO doctor_vacations (id, clinic_id, doctor_id, starts_at, ends_at, reason, updated_at)
           VALUES ('01900000-0000-7000-8000-000000004001', ?, ?, '2026-11-20T00:00:00.000Z', '2026-11-23T11:00:00.000Z', 'Congress', ?)`,
        )
        .run(FX.clinic, FX.doctorA, '2026-01-01T00:00:00.000Z');
      const day = ((await app.invoke('schedule.day', { date: '2026-11-23' })) as { value: DaySchedule }).value;
      expect(day.blocked).toEqual([
        { startsAt: '2026-11-23T16:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z', reason: 'Staff training' },
      ]);
      expect(day.doctors[0]!.vacations).toHaveLength(1);
    });
  });

  describe('appointments.setStatus', () => {
    it('moves through the flow, stamps the time, audits and queues the change, and announces it', async () => {
      const events: ClinicEvent[] = [];
      app.onEvent((e) => events.push(e));
      const res = await app.invoke('appointments.setStatus', { id: FX.appt, status: 'arrived' });
      expect(res).toMatchObject({ ok: true, value: { status: 'arrived', allowedNext: ['in_progress', 'completed', 'cancelled'] } });
      const row = app.db.prepare('SELECT status, arrived_at FROM appointments WHERE id = ?').get(FX.appt);
      expect(row).toEqual({ status: 'arrived', arrived_at: '2026-11-23T10:00:00.000Z' });
      expect(app.db.prepare(`SELECT action, actor_staff_id FROM audit_log`).all()).toEqual([
        { action: 'appointments.arrived', actor_staff_id: FX.staff },
      ]);
      expect(count(app.db, 'outbox')).toBe(2);
      expect(events).toEqual([{ name: 'data.changed', payload: { tables: expect.arrayContaining(['appointments']) } }]);
    });

    it('refuses an impossible transition with a clear message and writes nothing', async () => {
      await app.invoke('appointments.setStatus', { id: FX.appt, status: 'no_show' });
      const before = writes();
      const res = await app.invoke('appointments.setStatus', { id: FX.appt, status: 'completed' });
      expect(res).toEqual({
        ok: false,
        error: {
          code: 'invalid_transition',
          field: 'status',
          message: 'An appointment that is no_show cannot become completed. Allowed: none (final status).',
          reason: 'transition_refused',
          params: { from: 'no_show', to: 'completed' },
          details: { from: 'no_show', to: 'completed' },
        },
      });
      expect(writes()).toEqual(before);
    });

    it('keeps who cancelled, when and why; a cancellation without a reason is refused', async () => {
      const noReason = await app.invoke('appointments.setStatus', { id: FX.appt, status: 'cancelled' });
      expect(noReason).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'reason' } });
      await app.invoke('appointments.setStatus', { id: FX.appt, status: 'cancelled', reason: 'Patient has flu' });
      expect(app.db.prepare('SELECT cancelled_at, cancelled_by, cancel_reason FROM appointments WHERE id = ?').get(FX.appt)).toEqual({
        cancelled_at: '2026-11-23T10:00:00.000Z',
        cancelled_by: FX.staff,
        cancel_reason: 'Patient has flu',
      });
    });

    it('answers not_found for an appointment that does not exist', async () => {
      const res = await app.invoke('appointments.get', { id: '01900000-0000-7000-8000-0000000000aa' });
      expect(res).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    });
  });

  describe('app.info and settings', () => {
    it('reports the clinic, the default staff member and an honest local-only sync status (one change waiting, not its two outbox rows)', async () => {
      await app.invoke('appointments.setStatus', { id: FX.appt, status: 'confirmed' });
      const res = await app.invoke('app.info', {});
      expect(res).toMatchObject({
        ok: true,
        value: {
          language: 'en',
          clinic: { id: FX.clinic, name: 'Fixture Clinic', timeZone: 'Europe/Madrid', slotMinutes: 15, currency: 'EUR' },
          staff: { id: FX.staff, role: 'receptionist' },
          sync: { mode: 'local_only', pendingChanges: 1, lastSyncedAt: null },
        },
      });
    });

    it('keeps the language choice and the desk id across calls', async () => {
      const first = (await app.invoke('app.info', {})) as { value: { deskId: string } };
      await app.invoke('settings.setLanguage', { language: 'es' });
      const second = (await app.invoke('app.info', {})) as { value: { deskId: string; language: string } };
      expect(second.value.language).toBe('es');
      expect(second.value.deskId).toBe(first.value.deskId);
      expect(await app.invoke('settings.setLanguage', { language: 'fr' })).toMatchObject({
        ok: false,
        error: { field: 'language' },
      });
    });
  });
});
