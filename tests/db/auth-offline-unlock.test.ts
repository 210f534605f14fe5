import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  type OfflineState,
  attemptOfflineUnlock,
  createVerifier,
  newOfflineState,
  observeClock,
  unlockBlocker,
  verifyPassword,
} from '../../electron/auth/offline-unlock.ts';

const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const T0 = Date.parse('2026-11-23T08:00:00.000Z');
const H = 3600_000;

async function state(password = 'correct horse'): Promise<OfflineState> {
  return newOfflineState('user-1', 'desk@demo.clinic', await createVerifier(password, CHEAP), T0);
}

describe('offline unlock verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const v = await createVerifier('s3cret pässword', CHEAP);
    expect(await verifyPassword(v, 's3cret pässword')).toBe(true);
    expect(await verifyPassword(v, 's3cret password')).toBe(false);
    expect(JSON.stringify(v)).not.toContain('s3cret');
  });

  it('uses a random salt per verifier and strong default parameters', async () => {
    const a = await createVerifier('same', CHEAP);
    const b = await createVerifier('same', CHEAP);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    const strong = await createVerifier('x');
    expect(strong.params.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(Buffer.from(strong.salt, 'base64').length).toBeGreaterThanOrEqual(16);
  });
});

describe('attemptOfflineUnlock', () => {
  it('unlocks within the offline window and refuses after it', async () => {
    const s = await state();
    expect((await attemptOfflineUnlock(s, 'correct horse', T0 + 11 * H)).refusal).toBeNull();
    const late = await attemptOfflineUnlock(s, 'correct horse', T0 + 12 * H + 1);
    expect(late.refusal?.code).toBe('offline_expired');
  });

  it('honours a configured window', async () => {
    const s = await state();
    const policy = { ...DEFAULT_POLICY, offlineWindowMs: 2 * H };
    expect((await attemptOfflineUnlock(s, 'correct horse', T0 + 3 * H, policy)).refusal?.code).toBe('offline_expired');
  });

  it('counts wrong passwords, then locks out, escalating each time', async () => {
    let s = await state();
    let now = T0 + H;
    for (let i = 1; i <= 4; i++) {
      const out = await attemptOfflineUnlock(s, 'wrong', now);
      expect(out.refusal).toMatchObject({ code: 'wrong_password', attemptsLeft: 5 - i });
      s = out.state!;
    }
    const fifth = await attemptOfflineUnlock(s, 'wrong', now);
    expect(fifth.refusal).toMatchObject({ code: 'locked_out', lockedUntil: now + 5 * 60_000 });
    s = fifth.state!;
    // Even the right password is refused while locked out.
    expect((await attemptOfflineUnlock(s, 'correct horse', now + 60_000)).refusal?.code).toBe('locked_out');
    now += 5 * 60_000 + 1;
    for (let i = 0; i < 5; i++) s = (await attemptOfflineUnlock(s, 'wrong', now)).state!;
    expect(s.lockedUntil).toBe(now + 10 * 60_000); // second lockout: doubled
    now += 10 * 60_000 + 1;
    const ok = await attemptOfflineUnlock(s, 'correct horse', now);
    expect(ok.refusal).toBeNull();
    expect(ok.state).toMatchObject({ failures: 0, lockouts: 0, lockedUntil: null });
  });

  it('refuses when the clock was set back, even with the right password', async () => {
    const s = observeClock(await state(), T0 + 6 * H);
    const out = await attemptOfflineUnlock(s, 'correct horse', T0 + 2 * H);
    expect(out.refusal?.code).toBe('clock_set_back');
    // Small drift within the tolerance is fine.
    expect((await attemptOfflineUnlock(s, 'correct horse', T0 + 6 * H - 60_000)).refusal).toBeNull();
  });

  it('never moves the highest time seen backwards', async () => {
    const s = observeClock(await state(), T0 + 5 * H);
    expect(observeClock(s, T0 + H).highestSeenAt).toBe(T0 + 5 * H);
  });

  it('refuses without any online sign-in', () => {
    expect(unlockBlocker(null, T0, DEFAULT_POLICY)?.code).toBe('no_offline_session');
  });
});
