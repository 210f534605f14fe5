import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands.ts';
import type { Envelope, ErrorCode } from '../../shared/result.ts';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { type RunningHost, startHost } from '../../electron/host/host.ts';
import { type RawResponse, fakeRendererDir, send } from './host-http.ts';

/**
 * Random and hostile input to every command through the real loopback transport
 * around the real app. Every answer is a clean envelope, invalid input writes nothing, no input
 * produces an internal error or a stack trace, and the host keeps answering.
 */
const NOW = new Date('2026-03-20T09:30:00.000Z');
const NAMES = Object.keys(commands);
const CLEAN_CODES: ErrorCode[] = [
  'validation_error',
  'unknown_command',
  'not_found',
  'conflict',
  'invalid_transition',
  'overlap',
  'forbidden',
  'unauthorized',
  'offline',
];
const LEAK = /\n\s+at |node_modules|\.ts:\d+|SqliteError|SQLITE_|TypeError|ReferenceError|\/work\/|\/tmp\//;

const HOSTILE_STRINGS = [
  "'; DROP TABLE patients; --",
  "' OR 1=1 --",
  "Robert'); DELETE FROM appointments; --",
  '" OR ""="',
  '1; ATTACH DATABASE \'/tmp/x\' AS x; --',
  '<script>alert(1)</script>',
  '<img src=x onerror="fetch(`//evil`)">',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000\u0001\u0002',
  '\u202Eevil\u202C',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🦷',
  '',
  ' ',
  'NaN',
  '-1',
  '9'.repeat(400),
  '2026-02-30',
  '2026-03-20T09:30:00.000Z',
  '0199a5c2-7a4e-7cc1-8b4a-1234567890ab',
  '00000000-0000-0000-0000-000000000000',
];
const FIELD_NAMES = [
  'id', 'date', 'patientId', 'doctorId', 'appointmentTypeId', 'roomId', 'startsAt', 'endsAt', 'status', 'reason',
  'language', 'file', 'email', 'password', 'firstName', 'lastName', 'phone', 'amountCents', 'query', 'limit',
  'campaignId', 'contactId', 'planId', 'stepId', 'paymentId', 'weekStart', 'from', 'to', 'days', 'minutes',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'A'.repeat(n)),
);
const leaf = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: false }).filter((d) => Number.isFinite(d)),
  fc.constantFrom(true, false, null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.uuid(),
);
/** Objects keyed like real inputs (so some pass parts of a schema) with hostile values. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const hostileInput = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 6 }),
  hostileValue,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(undefined),
);

/** The top-level keys a command's schema declares (z.object), so generated input gets past the key check. */
function schemaKeys(name: string): string[] {
  const shape = (commands[name as keyof typeof commands].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Inputs shaped like the command's own (its keys) with plausible and hostile values mixed. */
function shapedInput(name: string, plausible: readonly unknown[]): fc.Arbitrary<unknown> {
  const keys = schemaKeys(name);
  if (keys.length === 0) return hostileInput;
  const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: hostileValue });
  return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
}

/** JSON text: prototype-pollution keys must be own properties in the body, as an attacker sends them. */
function toJson(input: unknown): string {
  if (input === undefined) return '';
  return JSON.stringify(input, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) Object.defineProperty(out, key, { value: (v as Record<string, unknown>)[key], enumerable: true });
      return out;
    }
    return v;
  });
}

describe('fuzzing every command through the loopback host', () => {
  const dirs = fakeRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-fuzz-'));
  const errors: string[] = [];
  let app: ClinicApp;
  let host: RunningHost;
  let baseline = '';
  let changes = 0;

  const totalChanges = () => app.db.prepare('SELECT total_changes()').pluck().get() as number;
  /** Row count and content hash of every table, the outbox and audit log included. */
  function checksum(): string {
    const hash = createHash('sha256');
    const tables = app.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    for (const t of tables) {
      hash.update(`\n#${t}\n`);
      for (const row of app.db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  }

  beforeAll(async () => {
    app = createApp({ dataDir, now: () => NOW, logger: { error: (m, meta) => void errors.push(`${m} ${JSON.stringify(meta)}`) } });
    host = await startHost({ app, rendererDir: dirs.rendererDir });
    // Warm the session (the desk id is made on first use) so later reads write nothing.
    await post('app.info', '{}');
    baseline = checksum();
    changes = totalChanges();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dirs.root, { recursive: true, force: true });
  });

  function post(name: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return send({
      port: host.port,
      path: `/invoke/${encodeURIComponent(name)}`,
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
      body,
    });
  }

  /** A clean error envelope: known code, a short message, nothing internal. */
  function expectCleanEnvelope(res: RawResponse, context: string): Envelope<unknown> {
    expect(res.headers['content-type'], context).toMatch(/^application\/json/);
    expect(res.status, context).not.toBeGreaterThanOrEqual(500);
    const envelope = JSON.parse(res.body) as Envelope<unknown>;
    expect(typeof envelope.ok, context).toBe('boolean');
    if (!envelope.ok) {
      expect(CLEAN_CODES, `${context}: ${res.body.slice(0, 300)}`).toContain(envelope.error.code);
      expect(typeof envelope.error.message).toBe('string');
      expect(envelope.error.message.length).toBeLessThan(2_000);
      expect(JSON.stringify(envelope.error), context).not.toMatch(LEAK);
    }
    return envelope;
  }

  /** Invalid input (an error envelope) must leave every table as it was. */
  function expectNothingWrittenUnlessOk(envelope: Envelope<unknown>, context: string): void {
    const now = totalChanges();
    if (envelope.ok) {
      if (now !== changes) baseline = checksum();
    } else if (now !== changes) {
      // Statements ran (e.g. then rolled back): the content must still be the baseline.
      expect(checksum(), context).toBe(baseline);
    }
    changes = now;
  }

  it('answers random and hostile input to every command with clean envelopes and writes nothing when refusing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), hostileInput, async (name, input) => {
        const body = toJson(input);
        const context = `${name} ${body.slice(0, 200)}`;
        const res = await post(name, body);
        const envelope = expectCleanEnvelope(res, context);
        if (body.length > 1024 * 1024) expect(res.status).toBe(413);
        expectNothingWrittenUnlessOk(envelope, context);
      }),
      { numRuns: 1500, seed: 9_2026, endOnFailure: true },
    );
    expect(errors.filter((e) => !e.startsWith('warning:'))).toEqual([]);
  }, 120_000);

  it('answers input shaped like each command (real ids, plausible and hostile values) cleanly', async () => {
    const ids = (sql: string) => app.db.prepare(sql).pluck().all() as string[];
    const plausible: unknown[] = [
      ...ids('SELECT id FROM patients LIMIT 2'),
      ...ids('SELECT id FROM doctors LIMIT 2'),
      ...ids('SELECT id FROM appointments LIMIT 2'),
      ...ids('SELECT id FROM appointment_types LIMIT 1'),
      ...ids('SELECT id FROM rooms LIMIT 1'),
      '2026-03-20', '2026-03-23', '2026-03-20T10:00:00.000Z', '2026-03-20T10:30:00.000Z',
      'en', 'es', 'Ana', 'cancelled', 'confirmed', 'arrived', 'cash', 'card', 0, 1, 30, 2500, -5, true, false, null, [], {},
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), shapedInput(name, plausible))),
        async ([name, input]) => {
          const body = toJson(input);
          const context = `${name} ${body.slice(0, 200)}`;
          const envelope = expectCleanEnvelope(await post(name, body), context);
          expectNothingWrittenUnlessOk(envelope, context);
        },
      ),
      { numRuns: 3000, seed: 2026_09, endOnFailure: true },
    );
    expect(errors.filter((e) => !e.startsWith('warning:'))).toEqual([]);
  }, 120_000);

  it('sends every command hostile values in each field it knows', async () => {
    // Deterministic sweep: every command x every hostile string in a known field name.
    for (const name of NAMES) {
      for (const field of ['id', 'date', 'patientId', 'file', 'firstName', 'email', '__proto__', 'constructor']) {
        for (const value of HOSTILE_STRINGS.slice(0, 12)) {
          const body = `{"${field}":${JSON.stringify(value)}}`;
          const envelope = expectCleanEnvelope(await post(name, body), `${name} ${body}`);
          expectNothingWrittenUnlessOk(envelope, `${name} ${body}`);
        }
      }
    }
    for (const name of NAMES) {
      for (const body of ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"id":{"__proto__":{"polluted":"yes"}}}']) {
        const envelope = expectCleanEnvelope(await post(name, body), `${name} ${body}`);
        expectNothingWrittenUnlessOk(envelope, `${name} ${body}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(errors.filter((e) => !e.startsWith('warning:'))).toEqual([]);
  }, 120_000);

  it('refuses unknown command names cleanly, including prototype names', async () => {
    const names = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '../app.info', 'app.info/../x', 'APP.INFO', ''),
      fc.string({ maxLength: 60 }),
      fc.integer({ min: 200, max: 5_000 }).map((n) => 'x'.repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(commands, name));
        const res = await post(name, '{}');
        const envelope = expectCleanEnvelope(res, name);
        expect(envelope.ok).toBe(false);
        expectNothingWrittenUnlessOk(envelope, name);
      }),
      { numRuns: 150, seed: 9 },
    );
  }, 60_000);

  it('refuses malformed JSON, wrong methods and oversized bodies before the app sees them', async () => {
    const before = totalChanges();
    for (const body of ['{', '{"date":', 'undefined', "{'a':1}", '\u0000', '[1,2', '{"a":1}}', 'NaN']) {
      const res = await post('patients.create', body);
      expect(res.status, body).toBe(400);
      expect(expectCleanEnvelope(res, body)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    const get = await send({ port: host.port, path: '/invoke/app.info', headers: { authorization: `Bearer ${host.token}` } });
    expect(get.status).toBe(405);
    const huge = await post('patients.create', JSON.stringify({ firstName: 'A'.repeat(2 * 1024 * 1024), lastName: 'B' }));
    expect(huge.status).toBe(413);
    expectCleanEnvelope(huge, 'huge body');
    expect(totalChanges()).toBe(before);
  }, 60_000);

  it('refuses a missing or wrong token and a foreign Host or Origin for every command', async () => {
    const before = totalChanges();
    for (const name of NAMES) {
      const path = `/invoke/${encodeURIComponent(name)}`;
      const attempts: { headers: Record<string, string>; status: number; path?: string }[] = [
        { headers: {}, status: 401 },
        { headers: { authorization: 'Bearer wrong' }, status: 401 },
        { headers: { authorization: `Bearer ${host.token}x` }, status: 401 },
        { headers: { authorization: `Basic ${host.token}` }, status: 401 },
        { headers: {}, status: 401, path: `${path}?token=${host.token}` },
        { headers: { authorization: `Bearer ${host.token}`, host: `evil.example:${host.port}` }, status: 403 },
        { headers: { authorization: `Bearer ${host.token}`, host: '127.0.0.1' }, status: 403 },
        { headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' }, status: 403 },
        { headers: { authorization: `Bearer ${host.token}`, origin: 'null' }, status: 403 },
      ];
      for (const a of attempts) {
        const res = await send({ port: host.port, path: a.path ?? path, method: 'POST', headers: a.headers, body: '{}' });
        expect(res.status, `${name} ${JSON.stringify(a.headers)}`).toBe(a.status);
        expect(expectCleanEnvelope(res, name).ok).toBe(false);
      }
    }
    expect(totalChanges()).toBe(before);
  }, 60_000);

  it('is still up and answering afterwards', async () => {
    const res = await post('app.info', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { clinic: { name: expect.any(String) } } });
    expect(app.db.pragma('quick_check', { simple: true })).toBe('ok');
  });
});
