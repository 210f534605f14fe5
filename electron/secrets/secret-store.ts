/**
 * Where the desk keeps its secrets: the database key (storage/), the Supabase session with its
 * refresh token and the offline unlock verifier (auth/). Electron encrypts them with the OS
 * keychain through safeStorage; the headless host keeps them in files only the user can read.
 * Values never pass through a logger.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Human words for the settings/about screen, e.g. "OS keychain (safeStorage)". */
  readonly kind: string;
}

const KEY = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid secret key name');
  return key;
}

/** Writes via a temp file + rename so a crash never leaves half a secret; both files are 0600. */
function writePrivate(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600); // the mode option is ignored when the file already existed
  renameSync(tmp, file);
}

/** Headless host: one file per key in `<dataDir>/secrets/` (dir 0700, files 0600). */
export class FileSecretStore implements SecretStore {
  readonly kind = 'file readable only by this user';
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'secrets');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
  }

  private file(key: string): string {
    return join(this.dir, checkKey(key));
  }

  get(key: string): string | null {
    const file = this.file(key);
    if (!existsSync(file)) return null;
    return readFileSync(file, 'utf8');
  }

  set(key: string, value: string): void {
    writePrivate(this.file(key), value);
  }

  delete(key: string): void {
    rmSync(this.file(key), { force: true });
  }
}

/** The part of Electron's `safeStorage` we use (structural, so this file needs no electron import). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Electron: values encrypted by safeStorage (Keychain, DPAPI, libsecret/kwallet) in 0600 files. */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'OS keychain (Electron safeStorage)';
  private readonly dir: string;
  private readonly safeStorage: SafeStorageLike;

  constructor(dataDir: string, safeStorage: SafeStorageLike) {
    this.safeStorage = safeStorage;
    if (!safeStorage.isEncryptionAvailable()) throw new Error('OS encryption (safeStorage) is not available');
    this.dir = join(dataDir, 'secrets');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private file(key: string): string {
    return join(this.dir, `${checkKey(key)}.enc`);
  }

  get(key: string): string | null {
    const file = this.file(key);
    if (!existsSync(file)) return null;
    return this.safeStorage.decryptString(readFileSync(file));
  }

  set(key: string, value: string): void {
    writePrivate(this.file(key), new Uint8Array(this.safeStorage.encryptString(value)));
  }

  delete(key: string): void {
    rmSync(this.file(key), { force: true });
  }
}

/** Tests and ':memory:' apps: nothing touches disk. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(checkKey(key)) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(checkKey(key), value);
  }
  delete(key: string): void {
    this.values.delete(checkKey(key));
  }
}
