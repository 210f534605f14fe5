import type pg from 'pg';
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

export function demoLogins(): string {
  return DEMO_STAFF.map((s) => `  ${s.role.padEnd(13)} ${s.email.padEnd(22)} ${s.password}`).join('\n');
}
