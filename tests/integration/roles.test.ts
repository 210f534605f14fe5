import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createClinic, seedEveryTable, type Role, type TestClinic } from './fixtures.ts';
import { signedIn, useStack } from './harness.ts';

const h = useStack();

describe('role rules', () => {
  let clinic: TestClinic;
  let rows: Map<string, string>;
  const as = {} as Record<Role, SupabaseClient>;

  beforeAll(async () => {
    clinic = await createClinic(h().db, 'roles');
    rows = await seedEveryTable(h().db, clinic.id);
    for (const role of ['admin', 'manager', 'receptionist'] as const) {
      const u = clinic.users[role];
      as[role] = await signedIn(h().stack, u.email, u.password);
    }
  });

  async function pushOne(role: Role, m: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { data, error } = await as[role].rpc('sync_push', { mutations: [{ id: randomUUID(), base_version: 0, changes: {}, ...m }] });
    expect(error).toBeNull();
    return data[0];
  }

  async function version(table: string, id: string): Promise<number> {
    const { rows: r } = await h().db.query(`select version from ${table} where id = $1`, [id]);
    return Number(r[0].version);
  }

  it('lets only admins manage staff', async () => {
    const staffId = clinic.users.receptionist.id;
    for (const role of ['manager', 'receptionist'] as const) {
      const r = await pushOne(role, { table: 'staff', row_id: staffId, op: 'update', base_version: 1, changes: { display_name: 'x' } });
      expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      const added = await pushOne(role, { table: 'staff', row_id: randomUUID(), op: 'insert',
        changes: { clinic_id: clinic.id, display_name: 'New', role: 'admin' } });
      expect(added).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    }
    const rest = await as.receptionist.from('staff').update({ role: 'admin' }).eq('id', staffId).select();
    expect(rest.data ?? []).toEqual([]);
    expect(await version('staff', staffId)).toBe(1);
    const ok = await pushOne('admin', { table: 'staff', row_id: staffId, op: 'update', base_version: 1, changes: { display_name: 'Renamed' } });
    expect(ok).toMatchObject({ status: 'applied', version: 2 });
  });

  it('lets only admins change clinic settings', async () => {
    const r = await pushOne('manager', { table: 'clinics', row_id: clinic.id, op: 'update', base_version: 1, changes: { slot_minutes: 20 } });
    expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const ok = await pushOne('admin', { table: 'clinics', row_id: clinic.id, op: 'update', base_version: 1, changes: { slot_minutes: 20 } });
    expect(ok).toMatchObject({ status: 'applied', version: 2 });
  });

  it('lets managers and admins, not receptionists, manage recall campaigns', async () => {
    const make = (role: Role) => pushOne(role, { table: 'recall_campaigns', row_id: randomUUID(), op: 'insert',
      changes: { clinic_id: clinic.id, name: `By ${role}` } });
    expect(await make('receptionist')).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(await make('manager')).toMatchObject({ status: 'applied' });
    expect(await make('admin')).toMatchObject({ status: 'applied' });
    // Receptionists still work the contacts of a campaign.
    const contact = rows.get('recall_contacts')!;
    const worked = await pushOne('receptionist', { table: 'recall_contacts', row_id: contact, op: 'update', base_version: 1,
      changes: { attempts: 1, outcome: 'no_answer' } });
    expect(worked).toMatchObject({ status: 'applied' });
  });

  for (const table of ['payments', 'audit_log']) {
    it(`lets nobody update or delete ${table} rows`, async () => {
      const id = rows.get(table)!;
      for (const role of ['admin', 'manager', 'receptionist'] as const) {
        const del = await pushOne(role, { table, row_id: id, op: 'delete', base_version: 1 });
        expect(del).toMatchObject({ status: 'rejected', reason: 'forbidden' });
        const upd = await pushOne(role, { table, row_id: id, op: 'update', base_version: 1, changes: { notes: 'x' } });
        expect(upd.status).toBe('rejected');
        await as[role].from(table).delete().eq('id', id);
        await as[role].from(table).update({ clinic_id: clinic.id }).eq('id', id);
      }
      const { rows: r } = await h().db.query(`select version, deleted_at from ${table} where id = $1`, [id]);
      expect(r).toEqual([{ version: '1', deleted_at: null }]);
      // Not even the superuser: corrections are new rows.
      await expect(h().db.query(`delete from ${table} where id = $1`, [id])).rejects.toThrow(/never deleted/);
    });
  }

  it('lets staff record payments and audit rows', async () => {
    const pay = await pushOne('receptionist', { table: 'payments', row_id: randomUUID(), op: 'insert', changes: {
      clinic_id: clinic.id, patient_id: rows.get('patients'), method: 'card', amount_cents: 2500, currency: 'EUR',
      received_at: '2031-01-06T10:00:00.000Z' } });
    expect(pay).toMatchObject({ status: 'applied' });
    const audit = await pushOne('receptionist', { table: 'audit_log', row_id: randomUUID(), op: 'insert', changes: {
      clinic_id: clinic.id, at: '2031-01-06T10:00:00.000Z', action: 'payments.record' } });
    expect(audit).toMatchObject({ status: 'applied' });
  });

  it('turns a REST delete into a tombstone that sync delivers', async () => {
    const id = rows.get('rooms')!;
    const del = await as.receptionist.from('rooms').delete().eq('id', id);
    expect(del.error).toBeNull();
    const { rows: r } = await h().db.query('select deleted_at, version from rooms where id = $1', [id]);
    expect(r[0].deleted_at).not.toBeNull();
    expect(r[0].version).toBe('2');
  });

  it('locks out a deactivated staff member', async () => {
    await h().db.query('update staff set active = 0 where id = $1', [clinic.users.manager.id]);
    const { data } = await as.manager.from('patients').select('id');
    expect(data).toEqual([]);
    const r = await pushOne('manager', { table: 'rooms', row_id: randomUUID(), op: 'insert', changes: { clinic_id: clinic.id, name: 'x' } });
    expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });
});
