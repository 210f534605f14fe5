import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_ROLES } from '../../shared/command-roles.ts';
import type { CommandName } from '../../shared/commands.ts';
import { type Role, type SecurityDesk, securityDesk } from './security-fixtures.ts';

const ROLES: Role[] = ['admin', 'manager', 'receptionist'];
const NOBODY_BUT_MANAGERS: Role[] = ['admin', 'manager'];

/** A representative command of every kind, with who may run it. */
const CASES: [CommandName, Role[]][] = [
  ['availability.saveWeek', NOBODY_BUT_MANAGERS],
  ['availability.saveRoom', NOBODY_BUT_MANAGERS],
  ['availability.addBlocked', NOBODY_BUT_MANAGERS],
  ['recalls.types.create', NOBODY_BUT_MANAGERS],
  ['recalls.campaigns.create', NOBODY_BUT_MANAGERS],
  ['recalls.campaigns.activate', NOBODY_BUT_MANAGERS],
  ['recalls.exportCsv', NOBODY_BUT_MANAGERS],
  ['backup.restore', NOBODY_BUT_MANAGERS],
  ['audit.list', NOBODY_BUT_MANAGERS],
  ['audit.exportCsv', NOBODY_BUT_MANAGERS],
  ['settings.setIdleLock', NOBODY_BUT_MANAGERS],
  // Front-desk work stays open to everyone (RLS: members write these tables).
  ['schedule.day', ROLES],
  ['patients.search', ROLES],
  ['patients.create', ROLES],
  ['appointments.book', ROLES],
  ['payments.record', ROLES],
  ['recalls.queue.next', ROLES],
  ['recalls.attempts.log', ROLES],
  ['recalls.campaigns.list', ROLES],
  ['availability.settings', ROLES],
];

describe('command roles', () => {
  let d: SecurityDesk;
  beforeEach(() => {
    d = securityDesk();
  });
  afterEach(() => d.app.close());

  for (const role of ROLES) {
    it(`refuses the ${role} exactly the commands the role may not run, and writes nothing`, async () => {
      d.actAs(role);
      for (const [name, allowed] of CASES) {
        const before = [d.count('audit_log'), d.count('outbox')];
        // Empty input: a refused role is told 'forbidden' before any validation.
        const res = await d.invoke(name, {});
        if (allowed.includes(role)) {
          expect(res.ok ? 'ok' : res.error.code, `${role} ${name}`).not.toBe('forbidden');
        } else {
          expect(res, `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect([d.count('audit_log'), d.count('outbox')], `${role} ${name}`).toEqual(before);
        }
      }
    });
  }

  it('lists every restricted command in the table the renderer reads too', () => {
    for (const [name, allowed] of CASES) {
      if (allowed.length < ROLES.length) expect(COMMAND_ROLES[name], name).toEqual(allowed);
      else expect(COMMAND_ROLES[name], name).toBeUndefined();
    }
  });

  it('lets a manager run what a receptionist was refused, with real input', async () => {
    d.actAs('receptionist');
    expect(await d.error('availability.saveRoom', { name: 'Room 9' })).toMatchObject({ code: 'forbidden', details: { allowedRoles: ['admin', 'manager'] } });
    d.actAs('manager');
    const settings = await d.call('availability.saveRoom', { name: 'Room 9' });
    expect(settings.rooms.map((r) => r.name)).toContain('Room 9');
  });
});
