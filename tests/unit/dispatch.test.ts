import { describe, expect, it } from 'vitest';
import { CommandError } from '../../electron/commands/command-error.ts';
import type { CommandContext, HandlerTable } from '../../electron/commands/context.ts';
import { dispatch } from '../../electron/commands/dispatch.ts';

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
});
