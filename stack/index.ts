import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAuthHandler, upsertUser } from './auth-service.ts';
import { startGateway } from './gateway.ts';
import { freePort, reclaim, sweepStaleTempStacks, TEMP_PREFIX, writeOwner } from './housekeeping.ts';
import { signJwt } from './jwt.ts';
import { bootstrap, migrate } from './migrate.ts';
import { initCluster, startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { seedDemo, seedDemoData } from './seed.ts';

export interface StackOptions {
  /** Named, persistent data dir. Default: a temp dir removed on stop. */
  dataDir?: string;
  /** Gateway port (the Supabase URL). Default: a random free loopback port. */
  port?: number;
  pgPort?: number;
  postgrestPort?: number;
  /** Access token lifetime; short values let tests see expiry. Default 3600. */
  accessTokenSeconds?: number;
  lockoutAttempts?: number;
  lockoutSeconds?: number;
  /**
   * Seed the demo clinic and staff logins (true, the default), plus the full demo data
   * (doctors, hours, patients, appointments: 'full', what `npm run stack` and `npm start` use).
   */
  demo?: boolean | 'full';
  /** The clock the full demo data is generated for (default: the computer's). */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface Stack {
  /** Supabase URL: give it to createClient() with anonKey. */
  url: string;
  anonKey: string;
  serviceKey: string;
  jwtSecret: string;
  /** Superuser connection string (tests, benches, tooling). */
  pgUrl: string;
  dataDir: string;
  pids: { postgres: number; postgrest: number };
  createUser(user: { id: string; email: string; password: string }): Promise<void>;
  stop(): Promise<void>;
}

interface Secrets {
  jwtSecret: string;
  /** When the API keys were issued: fixed per data dir, so anon/service keys survive restarts. */
  keysIssuedAt?: number;
  pgPassword: string;
  authenticatorPassword: string;
}

async function loadSecrets(root: string): Promise<Secrets> {
  const file = path.join(root, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Secrets;
    if (stored.keysIssuedAt) return stored;
    // Older data dirs: pin the key issue time now, so the keys stay the same from here on.
    const pinned = { ...stored, keysIssuedAt: Math.floor(Date.now() / 1000) };
    await writeFile(file, JSON.stringify(pinned), { mode: 0o600 });
    return pinned;
  }
  const s: Secrets = {
    keysIssuedAt: Math.floor(Date.now() / 1000),
    jwtSecret: randomBytes(32).toString('hex'),
    pgPassword: randomBytes(16).toString('hex'),
    authenticatorPassword: randomBytes(16).toString('hex'),
  };
  await writeFile(file, JSON.stringify(s), { mode: 0o600 });
  return s;
}

function apiKey(role: 'anon' | 'service_role', secret: string, iat: number): string {
  return signJwt({ iss: 'supabase', ref: 'clinic-desk-local', role, iat, exp: iat + 10 * 365 * 86400 }, secret);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  await sweepStaleTempStacks();
  const temp = !options.dataDir;
  const root = options.dataDir
    ? path.resolve(options.dataDir)
    : await mkdtemp(path.join(tmpdir(), TEMP_PREFIX));
  await mkdir(root, { recursive: true });
  await chmod(root, 0o755); // Postgres runs as `postgres` and must reach root/pg
  if (!(await reclaim(root))) throw new Error(`a running stack already uses ${root}`);
  await writeOwner(root, { ownerPid: process.pid });

  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
    if (temp) await rm(root, { recursive: true, force: true });
  };
  try {
    const secrets = await loadSecrets(root);
    const dataDir = path.join(root, 'pg');
    await initCluster(dataDir, secrets.pgPassword);
    const pgPort = options.pgPort ?? (await freePort());
    const postgres = await startPostgres({ dataDir, port: pgPort, password: secrets.pgPassword, ephemeral: temp, log });
    cleanups.push(() => postgres.stop());
    const pgUrl = `postgres://postgres:${secrets.pgPassword}@127.0.0.1:${pgPort}/postgres`;

    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await bootstrap(admin, secrets.authenticatorPassword);
      await migrate(admin);
      if (options.demo !== false) await seedDemo(admin);
      if (options.demo === 'full') {
        const t = Date.now();
        const counts = await seedDemoData(admin, options.now?.());
        if (counts) log(`demo data: ${JSON.stringify(counts)} in ${Date.now() - t} ms\n`);
      }
    } finally {
      await admin.end();
    }

    const postgrestPort = options.postgrestPort ?? (await freePort());
    const postgrest = await startPostgrest({
      dbUri: `postgres://authenticator:${secrets.authenticatorPassword}@127.0.0.1:${pgPort}/postgres`,
      port: postgrestPort,
      adminPort: await freePort(),
      jwtSecret: secrets.jwtSecret,
      log,
    });
    cleanups.push(() => postgrest.stop());
    await writeOwner(root, { ownerPid: process.pid, postgrestPid: postgrest.pid });

    const pool = new pg.Pool({ connectionString: pgUrl, max: 4 });
    pool.on('error', () => undefined); // a dropped idle connection must not crash the host
    cleanups.push(() => pool.end());
    const anonKey = apiKey('anon', secrets.jwtSecret, secrets.keysIssuedAt!);
    const serviceKey = apiKey('service_role', secrets.jwtSecret, secrets.keysIssuedAt!);
    const port = options.port ?? 0;
    const gateway = await startGateway({
      host: '127.0.0.1',
      port,
      apiKeys: [anonKey, serviceKey],
      postgrestPort,
      auth: createAuthHandler({
        pool,
        jwtSecret: secrets.jwtSecret,
        issuer: `http://127.0.0.1:${port}/auth/v1`,
        accessTokenSeconds: options.accessTokenSeconds ?? 3600,
        lockoutAttempts: options.lockoutAttempts ?? 5,
        lockoutSeconds: options.lockoutSeconds ?? 300,
      }),
    });
    cleanups.push(() => gateway.stop());

    let stopped: Promise<void> | null = null;
    return {
      url: `http://127.0.0.1:${gateway.port}`,
      anonKey,
      serviceKey,
      jwtSecret: secrets.jwtSecret,
      pgUrl,
      dataDir: root,
      pids: { postgres: postgres.pid, postgrest: postgrest.pid },
      createUser: (user) => upsertUser(pool, user),
      stop: () => (stopped ??= stopAll()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
