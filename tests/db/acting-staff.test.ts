import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../electron/db/database.ts';
import { chooseLocalStaff, loadSession } from '../../electron/commands/session.ts';
import { FX, T0, freshDb, seedFixture } from './fixtures.ts';

const MANAGER = '01900000-0000-7000-8000-00000000c102';

describe('chooseLocalStaff (host --acting-staff)', () => {
  let db: WriteDb;
  beforeEach(() => {
    db = freshDb();
    seedFixture(db);
    db.prepare(
      `INSERT INTO staff (id, clinic_id, display_name, email, role, updated_at) VALUES (?, ?, 'Mara Manager', 'mara@fixture.clinic', 'manager', ?)`,
    ).run(MANAGER, FX.clinic, T0);
  });
  afterEach(() => db.close());

  it('makes the staff member with that email act on a local-only desk', () => {
    expect(loadSession(db).staff?.role).toBe('receptionist');
    const chosen = chooseLocalStaff(db, ' MARA@fixture.clinic ', { hasServer: false });
    expect(chosen).toEqual({ id: MANAGER, displayName: 'Mara Manager', role: 'manager' });
    expect(loadSession(db).staff?.id).toBe(MANAGER);
  });

  it('refuses on a desk with a server and keeps the acting staff', () => {
    expect(() => chooseLocalStaff(db, 'mara@fixture.clinic', { hasServer: true })).toThrow(/local-only/);
    expect(loadSession(db).staff?.id).toBe(FX.staff);
  });

  it('refuses an unknown or inactive email', () => {
    expect(() => chooseLocalStaff(db, 'nobody@fixture.clinic', { hasServer: false })).toThrow(/No active staff/);
    db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(MANAGER);
    expect(() => chooseLocalStaff(db, 'mara@fixture.clinic', { hasServer: false })).toThrow(/No active staff/);
    expect(loadSession(db).staff?.id).toBe(FX.staff);
  });
});
