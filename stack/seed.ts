import type pg from 'pg';
import { buildDemo, type DemoRow } from '../resources/demo/build.ts';
import { DEMO_CLINIC_ID, DEMO_STAFF } from '../shared/demo-ids.ts';
import { upsertUser } from './auth-service.ts';

/** The demo clinic and its staff logins; same fixed ids as the app's demo data. */
export const DEMO_CLINIC = {
  id: DEMO_CLINIC_ID,
  name: 'Clínica Sonrisa Demo',
  phone: '+34 910 000 000',
  address: 'Calle Mayor 1, 28013 Madrid',
  timeZone: 'Europe/Madrid',
  currency: 'EUR',
  slotMinutes: 15,
};

export async function seedDemo(client: pg.Client): Promise<void> {
  await client.query(
    `insert into public.clinics (id, clinic_id, name, time_zone, slot_minutes, currency, phone, address)
     values ($1, $1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
    [DEMO_CLINIC.id, DEMO_CLINIC.name, DEMO_CLINIC.timeZone, DEMO_CLINIC.slotMinutes, DEMO_CLINIC.currency,
     DEMO_CLINIC.phone, DEMO_CLINIC.address],
  );
  for (const s of DEMO_STAFF) {
    const { rows } = await client.query('select 1 from auth.users where id = $1', [s.id]);
    if (rows.length === 0) await upsertUser(client, { id: s.id, email: s.email, password: s.password });
    await client.query(
      `insert into public.staff (id, clinic_id, user_id, display_name, email, role)
       values ($1, $2, $1, $3, $4, $5) on conflict (id) do nothing`,
      [s.id, DEMO_CLINIC.id, s.displayName, s.email, s.role],
    );
  }
}

const BATCH = 2000;

/**
 * The full demo clinic (doctors, hours, breaks, rooms, types, patients, appointments...) from the
 * same generator as the app's local demo (resources/demo/). Loaded once: a clinic that already has
 * doctors is left alone. Rows go in as JSON batches through json_populate_recordset (one round
 * trip per 2,000 rows; types converted by Postgres; triggers and constraints apply as usual).
 */
export async function seedDemoData(client: pg.Client, now = new Date()): Promise<Record<string, number> | null> {
  const { rows: existing } = await client.query('select 1 from public.doctors where clinic_id = $1 limit 1', [DEMO_CLINIC_ID]);
  if (existing.length > 0) return null;
  const counts: Record<string, number> = {};
  await client.query('begin');
  try {
    for (const { table, rows } of buildDemo({ now }).tables) {
      const columns = await tableColumns(client, table);
      let batch: DemoRow[] = [];
      counts[table] = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const cols = Object.keys(batch[0]!).filter((c) => columns.has(c));
        const list = cols.map((c) => `"${c}"`).join(', ');
        const res = await client.query(
          `insert into public."${table}" (${list}) select ${list} from json_populate_recordset(null::public."${table}", $1::json)
           on conflict (id) do nothing`,
          [JSON.stringify(batch)],
        );
        counts[table]! += res.rowCount ?? 0;
        batch = [];
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
  return counts;
}

async function tableColumns(client: pg.Client, table: string): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
    [`public.${table}`],
  );
  if (rows.length === 0) throw new Error(`demo seed: no table public.${table}`);
  return new Set(rows.map((r) => r.name));
}

export function demoLogins(): string {
  return DEMO_STAFF.map((s) => `  ${s.role.padEnd(13)} ${s.email.padEnd(22)} ${s.password}`).join('\n');
}
