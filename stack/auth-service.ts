import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signJwt, verifyJwt } from './jwt.ts';

/**
 * The part of the Supabase Auth (GoTrue) API that supabase-js uses for email + password:
 * POST /token?grant_type=password|refresh_token, GET /user, POST /logout?scope=…
 * Passwords are bcrypt (pgcrypto crypt/gen_salt('bf')) in auth.users like GoTrue's.
 * Anything this service cannot decide (database down) is a 503, never a 4xx: a 4xx makes
 * supabase-js drop the session, which an offline desk must never do.
 */
export interface AuthOptions {
  pool: pg.Pool;
  jwtSecret: string;
  issuer: string;
  accessTokenSeconds: number;
  lockoutAttempts: number;
  lockoutSeconds: number;
}

const API_VERSION = '2024-01-01';

class AuthError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

interface UserRow {
  id: string;
  email: string;
  aud: string;
  role: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

const USER_COLUMNS = `id, email, aud, role, email_confirmed_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at`;

function userJson(u: UserRow): Record<string, unknown> {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email,
    email_confirmed_at: u.email_confirmed_at?.toISOString() ?? null,
    phone: '',
    confirmed_at: u.email_confirmed_at?.toISOString() ?? null,
    last_sign_in_at: u.last_sign_in_at?.toISOString() ?? null,
    app_metadata: u.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: u.created_at.toISOString(),
    updated_at: u.updated_at.toISOString(),
    is_anonymous: false,
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new AuthError(413, 'request_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.setHeader('X-Supabase-Api-Version', API_VERSION);
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

export function createAuthHandler(opts: AuthOptions) {
  const { pool } = opts;

  async function issueSession(client: pg.PoolClient, user: UserRow, sessionId: string, parent: string | null) {
    const refreshToken = randomBytes(24).toString('base64url');
    await client.query(
      'insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)',
      [refreshToken, user.id, sessionId, parent],
    );
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + opts.accessTokenSeconds;
    const accessToken = signJwt(
      {
        aud: 'authenticated',
        exp: expiresAt,
        iat: now,
        iss: opts.issuer,
        sub: user.id,
        email: user.email,
        phone: '',
        app_metadata: user.raw_app_meta_data ?? {},
        user_metadata: user.raw_user_meta_data ?? {},
        role: 'authenticated',
        aal: 'aal1',
        amr: [{ method: parent ? 'token_refresh' : 'password', timestamp: now }],
        session_id: sessionId,
        is_anonymous: false,
      },
      opts.jwtSecret,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: opts.accessTokenSeconds,
      expires_at: expiresAt,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  async function inTx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const out = await fn(client);
      await client.query('commit');
      return out;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async function passwordGrant(body: Record<string, unknown>) {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!email || !password) throw new AuthError(400, 'validation_failed', 'Email and password are required');
    const outcome = await inTx(async (c) => {
      const { rows } = await c.query<UserRow & { ok: boolean; locked: boolean; failed_attempts: number }>(
        `select ${USER_COLUMNS}, failed_attempts,
                coalesce(locked_until > now(), false) as locked,
                coalesce(banned_until > now(), false) as banned,
                encrypted_password = extensions.crypt($2, encrypted_password) as ok
         from auth.users where lower(email) = $1 for update`,
        [email, password],
      );
      const user = rows[0];
      if (!user) return { error: new AuthError(400, 'invalid_credentials', 'Invalid login credentials') };
      if (user.locked) {
        return { error: new AuthError(429, 'over_request_rate_limit', 'Too many failed sign-in attempts. Try again later.') };
      }
      if (!user.ok) {
        const lock = user.failed_attempts + 1 >= opts.lockoutAttempts;
        await c.query(
          `update auth.users set failed_attempts = case when $2 then 0 else failed_attempts + 1 end,
             locked_until = case when $2 then now() + make_interval(secs => $3) else locked_until end
           where id = $1`,
          [user.id, lock, opts.lockoutSeconds],
        );
        return { error: new AuthError(400, 'invalid_credentials', 'Invalid login credentials') };
      }
      if ((user as unknown as { banned: boolean }).banned) {
        return { error: new AuthError(400, 'user_banned', 'User is banned') };
      }
      const { rows: updated } = await c.query<UserRow>(
        `update auth.users set failed_attempts = 0, locked_until = null, last_sign_in_at = now()
         where id = $1 returning ${USER_COLUMNS}`,
        [user.id],
      );
      const sessionId = randomUUID();
      await c.query('insert into auth.sessions (id, user_id) values ($1, $2)', [sessionId, user.id]);
      return { session: await issueSession(c, updated[0]!, sessionId, null) };
    });
    if (outcome.error) throw outcome.error;
    return outcome.session;
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    if (!token) throw new AuthError(400, 'validation_failed', 'refresh_token is required');
    const outcome = await inTx(async (c) => {
      const { rows } = await c.query<{ user_id: string; session_id: string; revoked: boolean }>(
        'select user_id, session_id, revoked from auth.refresh_tokens where token = $1 for update',
        [token],
      );
      const row = rows[0];
      if (!row) {
        return { error: new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') };
      }
      if (row.revoked) {
        return { error: new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
      }
      const { rows: users } = await c.query<UserRow>(
        `select ${USER_COLUMNS} from auth.users where id = $1 and coalesce(banned_until <= now(), true)`,
        [row.user_id],
      );
      if (!users[0]) return { error: new AuthError(400, 'user_not_found', 'User not found') };
      await c.query('update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1', [token]);
      await c.query('update auth.sessions set updated_at = now() where id = $1', [row.session_id]);
      return { session: await issueSession(c, users[0], row.session_id, token) };
    });
    if (outcome.error) throw outcome.error;
    return outcome.session;
  }

  /** Verifies the access token and that its session still exists (not signed out). */
  async function authenticate(req: IncomingMessage): Promise<{ user: UserRow; sessionId: string }> {
    const token = bearer(req);
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const check = verifyJwt(token, opts.jwtSecret);
    if (!check.ok) {
      const why = check.reason === 'expired' ? 'token is expired' : 'unable to parse or verify signature';
      throw new AuthError(403, 'bad_jwt', `invalid JWT: ${why}`);
    }
    const sub = check.claims.sub;
    const sessionId = check.claims.session_id;
    if (typeof sub !== 'string' || typeof sessionId !== 'string') {
      throw new AuthError(403, 'bad_jwt', 'invalid JWT: missing sub or session_id claim');
    }
    const { rows } = await pool.query<UserRow & { has_session: boolean }>(
      `select ${USER_COLUMNS}, exists (select 1 from auth.sessions s where s.id = $2 and s.user_id = u.id)
         as has_session from auth.users u where u.id = $1`,
      [sub, sessionId],
    );
    const user = rows[0];
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (!user.has_session) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { user, sessionId };
  }

  async function logout(req: IncomingMessage, scope: string) {
    const { user, sessionId } = await authenticate(req);
    if (scope === 'global') {
      await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
    } else if (scope === 'others') {
      await pool.query('delete from auth.sessions where user_id = $1 and id <> $2', [user.id, sessionId]);
    } else {
      await pool.query('delete from auth.sessions where id = $1', [sessionId]);
    }
  }

  /** Handles a request whose path has the /auth/v1 prefix already removed. */
  return async function handle(req: IncomingMessage, res: ServerResponse, pathWithQuery: string): Promise<void> {
    const url = new URL(pathWithQuery, 'http://auth.local');
    try {
      if (req.method === 'POST' && url.pathname === '/token') {
        const body = await readJson(req);
        const grant = url.searchParams.get('grant_type');
        if (grant === 'password') return send(res, 200, await passwordGrant(body));
        if (grant === 'refresh_token') return send(res, 200, await refreshGrant(body));
        throw new AuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant ?? '(none)'}`);
      }
      if (req.method === 'GET' && url.pathname === '/user') {
        return send(res, 200, userJson((await authenticate(req)).user));
      }
      if (req.method === 'POST' && url.pathname === '/logout') {
        await logout(req, url.searchParams.get('scope') ?? 'global');
        return send(res, 204);
      }
      if (req.method === 'GET' && url.pathname === '/health') {
        await pool.query('select 1');
        return send(res, 200, { version: 'clinic-desk-stack', name: 'GoTrue', description: 'local auth subset' });
      }
      if (req.method === 'GET' && url.pathname === '/settings') {
        return send(res, 200, { external: { email: true }, disable_signup: true, mailer_autoconfirm: true });
      }
      throw new AuthError(404, 'not_found', `No auth route ${req.method} ${url.pathname}`);
    } catch (err) {
      if (err instanceof AuthError) return send(res, err.status, { code: err.code, message: err.message });
      // The database is down or something unexpected: we cannot decide, so say so.
      return send(res, 503, { code: 'unexpected_failure', message: 'Auth service temporarily unavailable' });
    }
  };
}

/** Creates or replaces an email+password user (service-side helper for seeds and tests). */
export async function upsertUser(
  pool: pg.Pool | pg.Client,
  user: { id: string; email: string; password: string },
): Promise<void> {
  await pool.query(
    `insert into auth.users (id, email, encrypted_password, email_confirmed_at)
     values ($1, lower($2), extensions.crypt($3, extensions.gen_salt('bf', 8)), now())
     on conflict (id) do update set email = excluded.email,
       encrypted_password = excluded.encrypted_password, failed_attempts = 0, locked_until = null`,
    [user.id, user.email, user.password],
  );
}
