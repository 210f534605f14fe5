import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAFF, type SecurityDesk, securityDesk } from './security-fixtures.ts';

const PATIENT = { firstName: 'Lena', lastName: 'Lock', phone: '600 111 222' };

describe('desk lock and quick user switch', () => {
  let d: SecurityDesk;
  beforeEach(() => {
    d = securityDesk();
    d.actAs('admin');
  });
  afterEach(() => d.app.close());

  const lastAudit = (action: string) =>
    d.app.db.prepare('SELECT actor_staff_id AS actor, desk_id AS desk, details FROM audit_log WHERE action = ? ORDER BY at DESC, id DESC LIMIT 1').get(action) as
      | { actor: string; desk: string; details: string }
      | undefined;

  it('does not lock a desk nobody could unlock, and defaults to five minutes idle', async () => {
    const state = await d.call('auth.lockDesk', { reason: 'idle' });
    expect(state).toMatchObject({ locked: false, canLock: false, idleSeconds: 300, acting: { id: STAFF.admin } });
    expect((await d.invoke('schedule.day', { date: '2026-11-23' })).ok).toBe(true);
  });

  it('sets PINs of 4 to 8 digits: your own, or anyone’s as an admin only', async () => {
    expect(await d.error('auth.setPin', { pin: '12a4' })).toMatchObject({ code: 'validation_error', field: 'pin' });
    expect(await d.error('auth.setPin', { pin: '123' })).toMatchObject({ code: 'validation_error' });
    await d.call('auth.setPin', { pin: '2468' });
    const state = await d.call('auth.setPin', { pin: '1357', staffId: STAFF.receptionist });
    expect(state.pinStaff.map((s) => s.id).sort()).toEqual([STAFF.admin, STAFF.receptionist].sort());
    expect(state).toMatchObject({ canLock: true, actingHasPin: true });
    // The verifier, never the PIN, is stored.
    const stored = d.app.db.prepare(`SELECT group_concat(value) FROM local_settings WHERE key LIKE 'staff_pin:%'`).pluck().get() as string;
    expect(stored).not.toContain('2468');
    d.actAs('receptionist');
    expect(await d.error('auth.setPin', { pin: '9999', staffId: STAFF.manager })).toMatchObject({ code: 'forbidden' });
    expect((await d.call('auth.setPin', { pin: '9999' })).actingHasPin).toBe(true);
  });

  it('refuses everything but the lock screen while locked', async () => {
    await d.call('auth.setPin', { pin: '2468' });
    const locked = await d.call('auth.lockDesk', { reason: 'idle' });
    expect(locked).toMatchObject({ locked: true, reason: 'idle' });
    const before = d.count('outbox');
    expect(await d.error('patients.create', PATIENT)).toMatchObject({ code: 'unauthorized', details: { reason: 'locked' } });
    expect(await d.error('audit.list', {})).toMatchObject({ code: 'unauthorized' });
    expect(d.count('outbox')).toBe(before);
    expect((await d.call('auth.deskLock', {})).locked).toBe(true);
    expect(await d.error('auth.setPin', { pin: '1111' })).toMatchObject({ code: 'unauthorized', details: { reason: 'locked' } });
    const unlocked = await d.call('auth.unlockPin', { staffId: STAFF.admin, pin: '2468' });
    expect(unlocked).toMatchObject({ locked: false, acting: { id: STAFF.admin } });
    expect(lastAudit('auth.unlockPin')).toMatchObject({ actor: STAFF.admin });
  });

  it('audits an action before the switch under A and after it under B', async () => {
    await d.call('auth.setPin', { pin: '1357', staffId: STAFF.receptionist });
    const a = await d.call('patients.create', PATIENT);
    expect(d.app.db.prepare(`SELECT actor_staff_id FROM audit_log WHERE action = 'patients.create' AND row_id = ?`).pluck().get(a.id)).toBe(STAFF.admin);

    await d.call('auth.lockDesk', { reason: 'manual' });
    const switched = await d.call('auth.unlockPin', { staffId: STAFF.receptionist, pin: '1357' });
    expect(switched).toMatchObject({ locked: false, acting: { id: STAFF.receptionist, role: 'receptionist' } });
    expect(lastAudit('auth.switchUser')).toMatchObject({ actor: STAFF.receptionist });
    expect(JSON.parse(lastAudit('auth.switchUser')!.details)).toMatchObject({ from: STAFF.admin, method: 'pin' });

    const b = await d.call('patients.create', { ...PATIENT, firstName: 'Bruno', phone: '600 333 444' });
    expect(d.app.db.prepare(`SELECT actor_staff_id FROM audit_log WHERE action = 'patients.create' AND row_id = ?`).pluck().get(b.id)).toBe(STAFF.receptionist);
    // The outbox carries the person too, for the server.
    expect(d.app.db.prepare(`SELECT actor_staff_id FROM outbox WHERE table_name = 'patients' AND row_id = ?`).pluck().get(b.id)).toBe(STAFF.receptionist);
    // And the new person's role applies at once.
    expect((await d.call('app.info', {})).staff).toMatchObject({ id: STAFF.receptionist });
    expect(await d.error('audit.list', {})).toMatchObject({ code: 'forbidden' });
  });

  it('counts wrong PINs, locks that PIN out after five, and lets it in again later', async () => {
    await d.call('auth.setPin', { pin: '1357', staffId: STAFF.receptionist });
    await d.call('auth.lockDesk', { reason: 'idle' });
    expect(await d.error('auth.unlockPin', { staffId: STAFF.receptionist, pin: '0000' })).toMatchObject({
      code: 'unauthorized',
      details: { reason: 'wrong_pin', attemptsLeft: 4 },
    });
    for (let i = 0; i < 3; i++) await d.error('auth.unlockPin', { staffId: STAFF.receptionist, pin: '0000' });
    expect(await d.error('auth.unlockPin', { staffId: STAFF.receptionist, pin: '0000' })).toMatchObject({ details: { reason: 'locked_out' } });
    // Even the right PIN waits out the lockout.
    expect(await d.error('auth.unlockPin', { staffId: STAFF.receptionist, pin: '1357' })).toMatchObject({ details: { reason: 'locked_out' } });
    expect((await d.call('auth.deskLock', {})).lockedOutUntil).toBe('2026-11-23T10:05:00.000Z');
    expect(lastAudit('auth.pinLockedOut')).toMatchObject({ actor: STAFF.receptionist });
    d.clock.now = new Date('2026-11-23T10:05:01.000Z');
    expect(await d.call('auth.unlockPin', { staffId: STAFF.receptionist, pin: '1357' })).toMatchObject({ locked: false });
  });

  it('refuses a PIN for someone without one or no longer active', async () => {
    await d.call('auth.setPin', { pin: '2468' });
    await d.call('auth.lockDesk', { reason: 'idle' });
    expect(await d.error('auth.unlockPin', { staffId: STAFF.manager, pin: '2468' })).toMatchObject({ details: { reason: 'no_pin' } });
    d.app.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(STAFF.admin);
    expect(await d.error('auth.unlockPin', { staffId: STAFF.admin, pin: '2468' })).toMatchObject({ details: { reason: 'no_pin' } });
  });

  it('keeps the idle time per desk, set by a manager or an admin', async () => {
    d.actAs('receptionist');
    expect(await d.error('settings.setIdleLock', { seconds: 60 })).toMatchObject({ code: 'forbidden' });
    d.actAs('manager');
    expect(await d.error('settings.setIdleLock', { seconds: 2 })).toMatchObject({ code: 'validation_error', field: 'seconds' });
    expect(await d.call('settings.setIdleLock', { seconds: 120 })).toMatchObject({ idleSeconds: 120 });
    expect((await d.call('auth.deskLock', {})).idleSeconds).toBe(120);
    expect(lastAudit('settings.setIdleLock')).toMatchObject({ actor: STAFF.manager });
  });
});
