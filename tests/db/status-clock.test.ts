import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { FX, count, seedFixture } from './fixtures.ts';

/** FX.apptOtherDay starts Tuesday 2026-11-24 09:00Z (10:00 in Madrid), 30 minutes. */
const START = '2026-11-24T09:00:00.000Z';

describe('appointments.setStatus follows the clock', () => {
  let app: ClinicApp;
  const at = (now: string) => {
    app?.close();
    app = createApp({ dataDir: ':memory:', demo: false, now: () => new Date(now) });
    seedFixture(app.db);
    return app;
  };
  afterEach(() => app.close());
  const writes = () => [count(app.db, 'appointments'), count(app.db, 'audit_log'), count(app.db, 'outbox')];
  const statusOf = () => (app.db.prepare('SELECT status FROM appointments WHERE id = ?').get(FX.apptOtherDay) as { status: string }).status;

  it('refuses checking in, starting or completing a visit a week away, naming the rule and its data, and writes nothing', async () => {
    at('2026-11-17T09:00:00.000Z');
    const before = writes();
    for (const status of ['arrived', 'in_progress', 'completed'] as const) {
      // Each from a status that may otherwise move on to it.
      if (status !== 'arrived') app.db.prepare(`UPDATE appointments SET status = 'arrived' WHERE id = ?`).run(FX.apptOtherDay);
      expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status })).toEqual({
        ok: false,
        error: {
          code: 'status_too_early',
          field: 'status',
          message: expect.any(String),
          reason: 'status_too_early',
          params: { status, earliestAt: '2026-11-24T08:00:00.000Z', startsAt: START, leadMinutes: 60 },
          details: { status, earliestAt: '2026-11-24T08:00:00.000Z', startsAt: START, leadMinutes: 60 },
        },
      });
    }
    expect(writes()).toEqual(before);
    expect(statusOf()).toBe('arrived');
  });

  it('refuses a no-show before the start, even inside the check-in window', async () => {
    at('2026-11-24T08:59:00.000Z');
    const res = await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'no_show' });
    expect(res).toMatchObject({ ok: false, error: { code: 'no_show_too_early', details: { status: 'no_show', earliestAt: START } } });
    expect(statusOf()).toBe('scheduled');
  });

  it('allows check-in from 60 minutes before the start, then the visit flow, by default', async () => {
    at('2026-11-24T07:59:59.000Z');
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'arrived' })).toMatchObject({ ok: false });
    at('2026-11-24T08:00:00.000Z');
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'arrived' })).toMatchObject({ ok: true, value: { status: 'arrived' } });
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'in_progress' })).toMatchObject({ ok: true });
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'completed' })).toMatchObject({ ok: true });
  });

  it('allows a no-show from the start on', async () => {
    at(START);
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'no_show' })).toMatchObject({ ok: true, value: { status: 'no_show' } });
  });

  it("follows the clinic's own lead time", async () => {
    at('2026-11-24T08:40:00.000Z');
    app.db.prepare('UPDATE clinics SET status_lead_minutes = 15 WHERE id = ?').run(FX.clinic);
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'arrived' })).toMatchObject({
      ok: false,
      error: { code: 'status_too_early', details: { earliestAt: '2026-11-24T08:45:00.000Z', leadMinutes: 15 } },
    });
    app.db.prepare('UPDATE clinics SET status_lead_minutes = 120 WHERE id = ?').run(FX.clinic);
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'arrived' })).toMatchObject({ ok: true });
  });

  it('never times confirming, cancelling or going back to scheduled', async () => {
    at('2026-11-17T09:00:00.000Z');
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'confirmed' })).toMatchObject({ ok: true });
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'scheduled' })).toMatchObject({ ok: true });
    expect(await app.invoke('appointments.cancel', { id: FX.apptOtherDay, reason: 'Moving away' })).toMatchObject({ ok: true });
  });

  it('keeps undo working for a status set in time', async () => {
    at('2026-11-24T09:05:00.000Z');
    expect(await app.invoke('appointments.setStatus', { id: FX.apptOtherDay, status: 'no_show' })).toMatchObject({ ok: true });
    expect(await app.invoke('appointments.undo', {})).toMatchObject({ ok: true });
    expect(statusOf()).toBe('scheduled');
  });
});
