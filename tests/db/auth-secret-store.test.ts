import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, MemorySecretStore, SafeStorageSecretStore, type SafeStorageLike } from '../../electron/secrets/secret-store.ts';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clinic-desk-secrets-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('FileSecretStore', () => {
  it('keeps values in files only the user can read, in a 0700 folder', () => {
    const d = dir();
    const store = new FileSecretStore(d);
    store.set('sb-session', '{"refresh_token":"r-123"}');
    store.set('sb-session', '{"refresh_token":"r-456"}'); // rewrite keeps 0600
    expect(store.get('sb-session')).toBe('{"refresh_token":"r-456"}');
    expect(statSync(join(d, 'secrets')).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(join(d, 'secrets'))) expect(statSync(join(d, 'secrets', f)).mode & 0o777).toBe(0o600);
    expect(new FileSecretStore(d).get('sb-session')).toBe('{"refresh_token":"r-456"}');
  });

  it('deletes, answers null for unknown keys and refuses path-like names', () => {
    const store = new FileSecretStore(dir());
    store.set('a', '1');
    store.delete('a');
    expect(store.get('a')).toBeNull();
    expect(() => store.get('../etc/passwd')).toThrow(/invalid secret key/);
    expect(() => store.set('a/b', 'x')).toThrow(/invalid secret key/);
  });
});

describe('SafeStorageSecretStore', () => {
  // A stand-in for Electron's safeStorage (reversible XOR: enough to prove nothing is stored plain).
  const fake: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  };

  it('stores only what safeStorage encrypted, in 0600 files', () => {
    const d = dir();
    const store = new SafeStorageSecretStore(d, fake);
    store.set('desk-auth', 'refresh-token-plain-text');
    expect(store.get('desk-auth')).toBe('refresh-token-plain-text');
    const file = join(d, 'secrets', 'desk-auth.enc');
    expect(readFileSync(file).toString('utf8')).not.toContain('refresh-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to start without OS encryption', () => {
    expect(() => new SafeStorageSecretStore(dir(), { ...fake, isEncryptionAvailable: () => false })).toThrow(/not available/);
  });
});

describe('MemorySecretStore', () => {
  it('keeps values for its own life only', () => {
    const s = new MemorySecretStore();
    s.set('k', 'v');
    expect(s.get('k')).toBe('v');
    expect(new MemorySecretStore().get('k')).toBeNull();
  });
});
