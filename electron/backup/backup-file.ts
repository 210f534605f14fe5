/**
 * The sealed file format of backups (.cdbackup) and unsynced-change exports (.cdunsynced):
 *
 *   "CDSEAL1\n" | u32 BE header length | header JSON | AES-256-GCM ciphertext | 16-byte tag
 *
 * The header is plaintext but authenticated (GCM additional data): it holds only what the
 * backup list shows (kind, time, reason, schema version, counts) plus the per-file salt and IV.
 * The file key is HKDF-SHA256(database key, salt, "clinic-desk/seal/v1"), so a backup opens only
 * on a desk holding the same database key, and every file has its own key. A second HKDF output
 * gives a short key check, which tells "wrong key" apart from "file damaged or tampered with".
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const MAGIC = Buffer.from('CDSEAL1\n', 'latin1');
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;

export type SealKind = 'backup' | 'unsynced';

export interface SealHeader {
  format: 1;
  kind: SealKind;
  createdAt: string;
  /** Why it was made: 'manual', 'pre-migration', 'unsynced-export'... */
  reason: string;
  schemaVersion: number;
  appVersion: string;
  outboxCount: number;
}

interface StoredHeader extends SealHeader {
  salt: string;
  iv: string;
  check: string;
}

export class BackupKeyError extends Error {
  constructor() {
    super("This backup was made on another computer or with another key; it cannot be opened with this computer's key.");
    this.name = 'BackupKeyError';
  }
}

export class BackupDamagedError extends Error {
  constructor(detail: string) {
    super(`This backup file is damaged or was changed after it was written (${detail}); it was not used.`);
    this.name = 'BackupDamagedError';
  }
}

function derive(dbKey: Buffer, salt: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, salt, `clinic-desk/${purpose}/v1`, 32));
}

function keyCheck(dbKey: Buffer, salt: Buffer): Buffer {
  return createHmac('sha256', derive(dbKey, salt, 'seal-check')).update('key-check').digest().subarray(0, 16);
}

function headerBytes(header: StoredHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

/** Encrypts `plaintext` into one sealed file's bytes. */
export function seal(dbKey: Buffer, header: SealHeader, plaintext: Buffer): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const stored: StoredHeader = {
    ...header,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    check: keyCheck(dbKey, salt).toString('base64'),
  };
  const aad = headerBytes(stored);
  const cipher = createCipheriv('aes-256-gcm', derive(dbKey, salt, 'seal'), iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

/** Reads the authenticated-but-plain header (for the backup list); null when not a sealed file. */
export function readHeader(file: Buffer): { header: SealHeader; aad: Buffer } | null {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const len = file.readUInt32BE(MAGIC.length);
  if (len > MAX_HEADER_BYTES || file.length < MAGIC.length + 4 + len + TAG_BYTES) return null;
  const end = MAGIC.length + 4 + len;
  try {
    const header = JSON.parse(file.subarray(MAGIC.length + 4, end).toString('utf8')) as StoredHeader;
    if (header.format !== 1) return null;
    return { header, aad: file.subarray(0, end) };
  } catch {
    return null;
  }
}

/** Decrypts a sealed file; throws BackupKeyError or BackupDamagedError, never returns bad data. */
export function unseal(dbKey: Buffer, file: Buffer, kind: SealKind): { header: SealHeader; plaintext: Buffer } {
  const read = readHeader(file);
  if (!read) throw new BackupDamagedError('not a Clinic Desk backup');
  const header = read.header as StoredHeader;
  if (header.kind !== kind) throw new BackupDamagedError(`expected a ${kind} file, found ${String(header.kind)}`);
  const salt = Buffer.from(header.salt ?? '', 'base64');
  const iv = Buffer.from(header.iv ?? '', 'base64');
  const check = Buffer.from(header.check ?? '', 'base64');
  if (salt.length !== 16 || iv.length !== 12 || check.length !== 16) throw new BackupDamagedError('bad header');
  if (!timingSafeEqual(check, keyCheck(dbKey, salt))) throw new BackupKeyError();
  const decipher = createDecipheriv('aes-256-gcm', derive(dbKey, salt, 'seal'), iv);
  decipher.setAAD(read.aad);
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
  try {
    const plaintext = Buffer.concat([decipher.update(file.subarray(read.aad.length, file.length - TAG_BYTES)), decipher.final()]);
    const { salt: _s, iv: _i, check: _c, ...plain } = header;
    return { header: plain, plaintext };
  } catch {
    throw new BackupDamagedError('authentication failed');
  }
}
