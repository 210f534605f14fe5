import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import { upsertUser } from '../../stack/auth-service.ts';

export type Role = 'admin' | 'manager' | 'receptionist';
export interface Login {
  id: string;
  email: string;
  password: string;
}
export interface TestClinic {
  id: string;
  users: Record<Role, Login>;
}

/** A clinic with one login per role, written as superuser. */
export async function createClinic(db: pg.Client, label: string): Promise<TestClinic> {
  const id = randomUUID();
  await db.query(
    `insert into public.clinics (id, clinic_id, name, time_zone) values ($1, $1, $2, 'Europe/Madrid')`,
    [id, `Clinic ${label}`],
  );
  const users = {} as Record<Role, Login>;
  for (const role of ['admin', 'manager', 'receptionist'] as const) {
    const login = { id: randomUUID(), email: `${role}-${id.slice(0, 8)}@${label}.test`, password: `pw-${randomUUID()}` };
    await upsertUser(db, login);
    await db.query(
      `insert into public.staff (id, clinic_id, user_id, display_name, email, role) values ($1, $2, $1, $3, $4, $5)`,
      [login.id, id, `${role} ${label}`, login.email, role],
    );
    users[role] = login;
  }
  return { id, users };
}

interface Column {
  name: string;
  type: string;
  notnull: boolean;
  hasdef: boolean;
  ref: string | null;
}

async function columns(db: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await db.query<Column>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
            a.atthasdef as hasdef,
            (select c.confrelid::regclass::text from pg_constraint c
              where c.conrelid = a.attrelid and c.contype = 'f' and c.conkey = array[a.attnum]) as ref
     from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    [`public.${table}`],
  );
  return rows;
}

const NAMED: Record<string, unknown> = {
  currency: 'EUR', time_zone: 'UTC', weekday: 1, start_minute: 540, end_minute: 600,
  duration_minutes: 30, interval_months: 6, expected_minutes: 30, max_attempts: 3,
};

/**
 * A valid row for any synced table, built from the catalog: required columns only, foreign
 * keys pointing at `parents` (one row per table of the same clinic), enum-like text columns
 * from their CHECK constraint. A new table usually needs nothing here; if it does, add a name
 * to NAMED.
 */
export async function sampleRow(
  db: pg.Client,
  table: string,
  clinicId: string,
  parents: Map<string, string>,
): Promise<Record<string, unknown>> {
  const { rows: checks } = await db.query<{ def: string }>(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'c'`,
    [`public.${table}`],
  );
  const row: Record<string, unknown> = {};
  let minute = 0;
  for (const c of await columns(db, table)) {
    if (c.name === 'id') row.id = table === 'clinics' ? clinicId : randomUUID();
    else if (c.name === 'clinic_id') row.clinic_id = clinicId;
    else if (c.type.startsWith('timestamp') && c.notnull && !c.hasdef) {
      // Increasing in column order, so ends_at > starts_at.
      row[c.name] = new Date(Date.UTC(2031, 0, 6, 8, 0) + 60_000 * 30 * minute++).toISOString();
    } else if (!c.notnull || c.hasdef) continue;
    else if (c.ref) {
      const parent = parents.get(c.ref.replace(/^public\./, ''));
      if (!parent) throw new Error(`${table}.${c.name}: no parent row for ${c.ref}`);
      row[c.name] = parent;
    } else if (c.name in NAMED) row[c.name] = NAMED[c.name];
    else if (c.type === 'uuid') row[c.name] = randomUUID();
    else if (c.type === 'date') row[c.name] = '2031-01-06';
    else if (/int|numeric/.test(c.type)) row[c.name] = 1;
    else {
      const options = checks.map((k) => new RegExp(`${c.name} = ANY \\(ARRAY\\['([^']+)'`).exec(k.def)).find(Boolean);
      row[c.name] = options ? options[1] : `sample ${c.name}`;
    }
  }
  return row;
}

/** One row in every synced table for the clinic (parents first), written as superuser. */
export async function seedEveryTable(db: pg.Client, clinicId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>([['clinics', clinicId]]);
  for (const { name } of SYNCED_TABLES) {
    if (name === 'clinics') continue;
    const row = await sampleRow(db, name, clinicId, ids);
    const cols = Object.keys(row);
    await db.query(
      `insert into public.${name} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((k) => row[k]),
    );
    ids.set(name, row.id as string);
  }
  return ids;
}

/** Every row of a clinic in every synced table, as JSON text (to prove nothing changed). */
export async function clinicSnapshot(db: pg.Client, clinicId: string): Promise<string> {
  const parts: string[] = [];
  for (const { name } of SYNCED_TABLES) {
    const { rows } = await db.query(
      `select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]')::text as j from public.${name} x where clinic_id = $1`,
      [clinicId],
    );
    parts.push(`${name}:${rows[0].j as string}`);
  }
  return parts.join('\n');
}
