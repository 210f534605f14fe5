import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { ClockOptionError, offsetClock, parseInstantOption } from '../../shared/clock.ts';
import { instantToLocalDate } from '../../shared/domain/clinic-time.ts';
import type { AppInfo, DaySchedule } from '../../shared/domain/types.ts';
import type { Envelope } from '../../shared/result.ts';

describe('parseInstantOption (--now)', () => {
  it('reads an ISO instant with its offset', () => {
    expect(parseInstantOption('2026-12-31T23:50:00+01:00').toISOString()).toBe('2026-12-31T22:50:00.000Z');
    expect(parseInstantOption('2026-03-27T10:00Z').toISOString()).toBe('2026-03-27T10:00:00.000Z');
  });

  it.each([
    ['2026-12-31T23:50', /time zone offset is missing/],
    ['2026-12-31', /not an ISO 8601 instant/],
    ['tomorrow', /not an ISO 8601 instant/],
    ['2026-02-30T10:00:00Z', /no such date/],
    ['2026-12-31T24:10:00Z', /no such time of day/],
  ])('refuses %s, naming the flag and the reason', (value, reason) => {
    expect(() => parseInstantOption(value)).toThrow(ClockOptionError);
    expect(() => parseInstantOption(value)).toThrow(reason);
    expect(() => parseInstantOption(value)).toThrow(/^--now: /);
  });
});

describe('offsetClock', () => {
  it('starts at the instant and runs on at the real pace', () => {
    let real = 1_000_000;
    const clock = offsetClock(new Date('2026-12-31T22:50:00.000Z'), () => real);
    expect(clock().toISOString()).toBe('2026-12-31T22:50:00.000Z');
    real += 15 * 60_000;
    expect(clock().toISOString()).toBe('2026-12-31T23:05:00.000Z');
  });
});

describe('the app on a fixed clock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-clock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the demo, answers app.info and schedules "today" for the --now instant', async () => {
    // New Year's Eve 23:50 in Madrid: a day the computer's clock is almost never on.
    const app = createApp({ dataDir, now: offsetClock(parseInstantOption('2026-12-31T23:50:00+01:00')), logger: { error: () => {} } });
    try {
      const info = (await app.invoke('app.info', {})) as Envelope<AppInfo>;
      if (!info.ok) throw new Error(info.error.code);
      expect(instantToLocalDate(info.value.now, 'Europe/Madrid')).toBe('2026-12-31');
      const day = (await app.invoke('schedule.day', { date: '2026-12-30' })) as Envelope<DaySchedule>;
      if (!day.ok) throw new Error(day.error.code);
      // The day before the fixed "today" is over: its demo visits carry past outcomes only.
      expect(day.value.appointments.length).toBeGreaterThan(0);
      expect(day.value.appointments.every((a) => ['completed', 'no_show', 'cancelled'].includes(a.status))).toBe(true);
    } finally {
      app.close();
    }
  });

  it('stops the host with a clear error on a bad --now', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--now', '2026-12-31T23:50', '--no-demo'], {
      encoding: 'utf8',
      env: { ...process.env, CLINIC_DESK_DATA_DIR: dataDir },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--now: the time zone offset is missing; expected an ISO 8601 instant with its offset/);
  });
});
