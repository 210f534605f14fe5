import { describe, expect, it } from 'vitest';
import { CommandError } from '../../electron/commands/command-error.ts';
import type { CommandContext, HandlerTable } from '../../electron/commands/context.ts';
import { dispatch } from '../../electron/commands/dispatch.ts';
import { commands } from '../../shared/commands.ts';

// The dispatcher is the boundary both transports share; a fake handler table isolates its rules.
const ctx = {} as CommandContext;
const silent = { error: () => {} };

function table(overrides: Partial<HandlerTable>): HandlerTable {
  return overrides as HandlerTable;
}

describe('dispatch', () => {
  it('wraps a handler value in an ok envelope', async () => {
    const h = table({ 'settings.setLanguage': ({ language }) => ({ language }) });
    expect(await dispatch(h, ctx, 'settings.setLanguage', { language: 'es' }, silent)).toEqual({
      ok: true,
      value: { language: 'es' },
    });
  });

  it('never calls the handler when the input is invalid', async () => {
    let called = false;
    const h = table({
      'schedule.day': () => {
        called = true;
        return {} as never;
      },
    });
    const res = await dispatch(h, ctx, 'schedule.day', { date: 20261123 }, silent);
    expect(res).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'date' } });
    expect(called).toBe(false);
  });

  it('treats a missing input as an empty object and names the missing field', async () => {
    const res = await dispatch(table({}), ctx, 'schedule.day', undefined, silent);
    expect(res).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'date' } });
  });

  it('passes a CommandError through as data', async () => {
    const h = table({
      'appointments.get': () => {
        throw new CommandError('not_found', 'The appointment was not found', 'id');
      },
    });
    expect(await dispatch(h, ctx, 'appointments.get', { id: '01900000-0000-7000-8000-000000000001' }, silent)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'The appointment was not found', field: 'id' },
    });
  });

  it('refuses names that are not commands, including prototype keys', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(table({}), ctx, name, {}, silent)).toMatchObject({
        ok: false,
        error: { code: 'unknown_command' },
      });
    }
  });

  it('hides an unexpected error behind a reference and logs the detail', async () => {
    const logs: Record<string, unknown>[] = [];
    const h = table({
      'app.info': () => {
        throw new TypeError('secret detail');
      },
    });
    const res = await dispatch(h, ctx, 'app.info', {}, { error: (_m, meta) => logs.push(meta ?? {}) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('internal');
      expect(res.error.message).not.toContain('secret');
      expect(res.error.message).toContain(String(logs[0]!.correlationId));
    }
  });

  describe('access (each entry of shared/commands.ts)', () => {
    const staff = (role: 'admin' | 'manager' | 'receptionist') => ({ ...ctx, staff: { id: 's1', displayName: 'S', role } }) as CommandContext;
    const counting = () => {
      const calls: string[] = [];
      const h = table({
        'patients.search': () => {
          calls.push('patients.search');
          return {} as never;
        },
        'settings.setLanguage': ({ language }) => {
          calls.push('settings.setLanguage');
          return { language };
        },
        'audit.list': () => {
          calls.push('audit.list');
          return {} as never;
        },
      });
      return { h, calls };
    };

    it("runs only 'always' commands on a locked desk, refusing the rest before validation", async () => {
      const { h, calls } = counting();
      const locked = { ...staff('admin'), closed: 'locked' } as CommandContext;
      expect(commands['patients.search'].access).toBe('unlocked');
      expect(await dispatch(h, locked, 'patients.search', { nonsense: 1 }, silent)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', reason: 'desk_locked', details: { reason: 'locked' } },
      });
      // A role-limited command is refused as locked too: a locked desk says nothing about roles.
      expect(await dispatch(h, { ...locked, staff: null }, 'audit.list', {}, silent)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(commands['settings.setLanguage'].access).toBe('always');
      expect(await dispatch(h, locked, 'settings.setLanguage', { language: 'es' }, silent)).toEqual({ ok: true, value: { language: 'es' } });
      expect(calls).toEqual(['settings.setLanguage']);
    });

    it('refuses a signed-out desk the same way, saying why', async () => {
      const { h, calls } = counting();
      const out = { ...ctx, staff: null, closed: 'signed_out' } as CommandContext;
      expect(await dispatch(h, out, 'patients.search', { query: 'a' }, silent)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', details: { reason: 'signed_out' } },
      });
      expect(calls).toEqual([]);
    });

    it('runs a role-limited command for its roles only, on an open desk', async () => {
      const { h, calls } = counting();
      expect(commands['audit.list'].access).toEqual(['admin', 'manager']);
      expect(await dispatch(h, staff('receptionist'), 'audit.list', {}, silent)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', details: { allowedRoles: ['admin', 'manager'] } },
      });
      expect(await dispatch(h, { ...ctx, staff: null }, 'audit.list', {}, silent)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await dispatch(h, staff('manager'), 'audit.list', {}, silent)).ok).toBe(true);
      expect(calls).toEqual(['audit.list']);
    });
  });
});
