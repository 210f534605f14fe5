import { describe, expect, it } from 'vitest';
import { translate } from '../../../../../shared/i18n/index.ts';
import { relativeTime } from './relative-time.ts';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const now = new Date('2026-11-23T12:00:00.000Z');

describe('relativeTime', () => {
  it('says just now under a minute and for future times', () => {
    expect(relativeTime(t, '2026-11-23T11:59:30.000Z', now)).toBe('just now');
    expect(relativeTime(t, '2026-11-23T12:05:00.000Z', now)).toBe('just now');
  });
  it('counts minutes, hours and days', () => {
    expect(relativeTime(t, '2026-11-23T11:58:00.000Z', now)).toBe('2 min ago');
    expect(relativeTime(t, '2026-11-23T09:00:00.000Z', now)).toBe('3 h ago');
    expect(relativeTime(t, '2026-11-20T12:00:00.000Z', now)).toBe('3 d ago');
  });
});
