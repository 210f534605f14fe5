import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type AppConfig, type ClinicApp, createApp } from '../../electron/app.ts';
import type { TokenSource } from '../../electron/sync/token-source.ts';
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import type { Envelope } from '../../shared/result.ts';
import { signJwt } from '../../stack/jwt.ts';
import type { Login } from './fixtures.ts';
import type { StackInfo } from './harness.ts';

/** A token source for tests: password sign-in and refresh against the stack's /auth/v1. */
export class TestTokens implements TokenSource {
  access: string | null = null;
  refreshToken: string | null = null;
  refreshes = 0;
  constructor(
    private readonly authUrl: string,
    private readonly anonKey: string,
    private readonly login: Login,
  ) {}

  async signIn(): Promise<void> {
    await this.grant('password', { email: this.login.email, password: this.login.password });
  }

  /** A token that has already expired (what a desk holds after a long outage). */
  expire(jwtSecret: string): void {
    const now = Math.floor(Date.now() / 1000);
    this.access = signJwt({ aud: 'authenticated', role: 'authenticated', sub: this.login.id, iat: now - 7200, exp: now - 3600 }, jwtSecret);
  }

  accessToken(): Promise<string | null> {
    return Promise.resolve(this.access);
  }

  async refresh(): Promise<boolean> {
    this.refreshes++;
    if (!this.refreshToken) return false;
    try {
      await this.grant('refresh_token', { refresh_token: this.refreshToken });
      return true;
    } catch {
      return false;
    }
  }

  staffId(): string | null {
    return this.login.id;
  }

  private async grant(type: string, body: Record<string, string>): Promise<void> {
    const res = await fetch(`${this.authUrl}/auth/v1/token?grant_type=${type}`, {
      method: 'POST',
      headers: { apikey: this.anonKey, authorization: `Bearer ${this.anonKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`token ${type}: ${res.status} ${await res.text()}`);
    const t = (await res.json()) as { access_token: string; refresh_token: string };
    this.access = t.access_token;
    this.refreshToken = t.refresh_token;
  }
}

export interface Desk {
  app: ClinicApp;
  tokens: TestTokens;
  dataDir: string;
  invoke<T>(name: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

export const FAST_SYNC: NonNullable<AppConfig['syncOptions']> = {
  pullIntervalMs: 200,
  debounceMs: 50,
  backoffMinMs: 100,
  backoffMaxMs: 800,
  verifyIntervalMs: 500,
  timeoutMs: 5000,
};

export async function openDesk(
  stack: StackInfo,
  login: Login,
  o: {
    url?: string;
    dataDir?: string;
    now?: () => Date;
    syncOptions?: AppConfig['syncOptions'];
    signIn?: boolean;
    /** Encrypt the database as the app does (the benches); tests keep plain files. */
    encrypted?: boolean;
  } = {},
): Promise<Desk> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'clinic-desk-sync-'));
  const tokens = new TestTokens(stack.url, stack.anonKey, login);
  if (o.signIn !== false) await tokens.signIn();
  const app = createApp({
    dataDir,
    demo: false,
    now: o.now,
    server: { url: o.url ?? stack.url, anonKey: stack.anonKey },
    tokenSource: tokens,
    syncOptions: { ...FAST_SYNC, ...o.syncOptions },
    logger: { error: () => undefined },
    // Plain database files, so the crash tests can inspect them directly (encryption is tested on its own).
    ...(o.encrypted ? {} : ({ keyStore: false } as object)),
  });
  return {
    app,
    tokens,
    dataDir,
    async invoke<T>(name: string, input: unknown): Promise<T> {
      const r = (await app.invoke(name, input)) as Envelope<T>;
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    async close() {
      await app.sync?.stop();
      app.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Doctor (working every day 08:00–20:00), room, appointment type and patients, written on the server. */
export async function seedReference(db: pg.Client, clinicId: string, patients = 3) {
  const { randomUUID } = await import('node:crypto');
  const roomId = randomUUID();
  const doctorId = randomUUID();
  const typeId = randomUUID();
  await db.query(`insert into public.rooms (id, clinic_id, name) values ($1, $2, 'Room 1')`, [roomId, clinicId]);
  await db.query(`insert into public.doctors (id, clinic_id, display_name) values ($1, $2, 'Dr Test')`, [doctorId, clinicId]);
  for (let wd = 1; wd <= 7; wd++) {
    await db.query(
      `insert into public.doctor_working_hours (id, clinic_id, doctor_id, room_id, weekday, start_minute, end_minute)
       values ($1, $2, $3, $4, $5, 480, 1200)`,
      [randomUUID(), clinicId, doctorId, roomId, wd],
    );
  }
  await db.query(
    `insert into public.appointment_types (id, clinic_id, name, duration_minutes) values ($1, $2, 'Check-up', 30)`,
    [typeId, clinicId],
  );
  const patientIds: string[] = [];
  for (let i = 0; i < patients; i++) {
    const id = randomUUID();
    await db.query(`insert into public.patients (id, clinic_id, first_name, last_name) values ($1, $2, 'Pat', $3)`, [
      id,
      clinicId,
      `Number${i}`,
    ]);
    patientIds.push(id);
  }
  return { roomId, doctorId, typeId, patientIds };
}

/** A start time N days ahead at hh:mm UTC (inside 08:00–20:00 Madrid for 07..18 UTC). */
export function slot(daysAhead: number, hourUtc: number, minute = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d.toISOString();
}

type Key = string;
async function serverKeys(db: pg.Client, clinicId: string, table: string): Promise<Key[]> {
  const { rows } = await db.query<{ k: string }>(
    `select id::text || ':' || version || ':' || (deleted_at is not null) as k from public.${table} where clinic_id = $1 order by 1`,
    [clinicId],
  );
  return rows.map((r) => r.k);
}

function localKeys(app: ClinicApp, table: string, clinicId: string): Key[] {
  return (
    app.db
      .prepare(`SELECT id || ':' || version || ':' || (CASE WHEN deleted_at IS NOT NULL THEN 'true' ELSE 'false' END) AS k FROM ${table} WHERE clinic_id = ? ORDER BY 1`)
      .all(clinicId) as { k: string }[]
  ).map((r) => r.k);
}

/**
 * Every desk holds exactly the server's rows of the clinic (same ids, versions, tombstones):
 * nothing lost, nothing duplicated, nothing left to send.
 */
export async function expectConverged(db: pg.Client, clinicId: string, desks: Desk[]): Promise<void> {
  for (const d of desks) {
    const pending = d.app.db.prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number };
    if (pending.n !== 0) throw new Error(`desk ${d.dataDir} still has ${pending.n} unsent changes`);
  }
  for (const t of SYNCED_TABLES) {
    const server = await serverKeys(db, clinicId, t.name);
    for (const d of desks) {
      const local = localKeys(d.app, t.name, clinicId);
      if (JSON.stringify(local) !== JSON.stringify(server)) {
        throw new Error(`${t.name} differs: server ${server.length} rows, desk ${local.length} rows\nserver ${server.slice(0, 5).join(' ')}\nlocal  ${local.slice(0, 5).join(' ')}`);
      }
    }
  }
}

/** Waits until a desk has sent everything and says it is verified in sync. */
export async function settle(desks: Desk[], timeoutMs = 20_000): Promise<void> {
  for (const d of [...desks, ...desks]) {
    let last = '';
    await waitFor(
      `desk verified`,
      async () => {
        const s = await d.app.sync!.syncNow();
        last = JSON.stringify(s);
        return s.pendingChanges === 0 && s.verified === true;
      },
      timeoutMs,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; last status ${last}`);
    });
  }
}
