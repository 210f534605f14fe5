import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinicEvent } from '../../../shared/events.ts';
import type { Envelope } from '../../../shared/result.ts';

/** A fake Electron bridge: counts the calls per command and lets the test push events. */
function fakeBridge(answer: (name: string, n: number) => Envelope<unknown> = (name, n) => ({ ok: true, value: `${name}#${n}` })) {
  const calls: string[] = [];
  const listeners = new Set<(event: ClinicEvent) => void>();
  return {
    calls,
    push: (event: ClinicEvent) => listeners.forEach((l) => l(event)),
    bridge: {
      invoke(name: string) {
        calls.push(name);
        return Promise.resolve(answer(name, calls.filter((c) => c === name).length));
      },
      on(listener: (event: ClinicEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

async function loadApi(bridge: ReturnType<typeof fakeBridge>['bridge']) {
  vi.resetModules();
  vi.stubGlobal('window', { clinic: bridge });
  return import('./api.ts');
}

describe('api prefetch', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T08:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('answers identical invokes with the prefetched read, without asking main again', async () => {
    const fake = fakeBridge();
    const api = await loadApi(fake.bridge);
    const early = await api.prefetch('app.info', {});
    const first = await api.invoke('app.info', {});
    const second = await api.invoke('app.info', {});
    expect(fake.calls).toEqual(['app.info']);
    expect(first).toEqual(early);
    expect(second).toEqual(early);
  });

  it('asks main again for a different input', async () => {
    const fake = fakeBridge();
    const api = await loadApi(fake.bridge);
    void api.prefetch('schedule.day', { date: '2026-11-23' });
    await api.invoke('schedule.day', { date: '2026-11-24' });
    expect(fake.calls).toEqual(['schedule.day', 'schedule.day']);
  });

  it('forgets every prefetched read once another command is invoked', async () => {
    const fake = fakeBridge();
    const api = await loadApi(fake.bridge);
    void api.prefetch('app.info', {});
    await api.invoke('settings.setLanguage', { language: 'es' });
    const after = await api.invoke('app.info', {});
    expect(fake.calls).toEqual(['app.info', 'settings.setLanguage', 'app.info']);
    expect(after).toEqual({ ok: true, value: 'app.info#2' });
  });

  it('forgets them on a data.changed or auth.session push', async () => {
    for (const event of [
      { name: 'data.changed', payload: { tables: ['appointments'] } },
      { name: 'auth.session', payload: { mode: 'local_only' } },
    ] as ClinicEvent[]) {
      const fake = fakeBridge();
      const api = await loadApi(fake.bridge);
      void api.prefetch('app.info', {});
      fake.push(event);
      await api.invoke('app.info', {});
      expect(fake.calls).toEqual(['app.info', 'app.info']);
    }
  });

  it('does not keep an error answer', async () => {
    const fake = fakeBridge((name, n) => (n === 1 ? { ok: false, error: { code: 'unauthorized', message: 'Sign in.' } } : { ok: true, value: name }));
    const api = await loadApi(fake.bridge);
    await api.prefetch('app.info', {});
    const after = await api.invoke('app.info', {});
    expect(after).toEqual({ ok: true, value: 'app.info' });
    expect(fake.calls).toEqual(['app.info', 'app.info']);
  });

  it('keeps a prefetched read for a few seconds only', async () => {
    const fake = fakeBridge();
    const api = await loadApi(fake.bridge);
    void api.prefetch('app.info', {});
    vi.setSystemTime(new Date('2026-11-23T08:00:05Z'));
    await api.invoke('app.info', {});
    expect(fake.calls).toEqual(['app.info', 'app.info']);
  });

  it('peeks at a prefetched read only once its ok answer has arrived, and only while it holds', async () => {
    const fake = fakeBridge((name, n) => (name === 'auth.session' ? { ok: false, error: { code: 'internal', message: 'no' } } : { ok: true, value: `${name}#${n}` }));
    const api = await loadApi(fake.bridge);
    const answer = api.prefetch('app.info', {});
    expect(api.peekPrefetched('app.info', {})).toBeUndefined(); // still on its way
    await answer;
    expect(api.peekPrefetched('app.info', {})).toBe('app.info#1');
    expect(api.peekPrefetched('schedule.day', { date: '2026-11-23' })).toBeUndefined(); // never asked
    await api.prefetch('auth.session', {});
    expect(api.peekPrefetched('auth.session', {})).toBeUndefined(); // an error answer
    expect(fake.calls).toEqual(['app.info', 'auth.session']); // peeking asks main nothing
    vi.setSystemTime(new Date('2026-11-23T08:00:05Z'));
    expect(api.peekPrefetched('app.info', {})).toBeUndefined(); // too old
  });

  it('peeks at nothing after a data.changed push', async () => {
    const fake = fakeBridge();
    const api = await loadApi(fake.bridge);
    await api.prefetch('app.info', {});
    fake.push({ name: 'data.changed', payload: { tables: ['clinics'] } } as ClinicEvent);
    expect(api.peekPrefetched('app.info', {})).toBeUndefined();
  });
});
