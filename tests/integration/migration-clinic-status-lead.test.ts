import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useStack } from './harness.ts';

const h = useStack();

describe('postgres migration 20261207000003 clinics.status_lead_minutes', () => {
  it('gives every clinic the 60-minute default and refuses a lead outside 0-720', async () => {
    const db = h().db;
    await db.query('begin');
    try {
      const id = randomUUID();
      await db.query(`insert into public.clinics (id, clinic_id, name, time_zone) values ($1, $1, 'Lead Test', 'Europe/Madrid')`, [id]);
      const { rows } = await db.query('select status_lead_minutes from public.clinics where id = $1', [id]);
      expect(rows).toEqual([{ status_lead_minutes: 60 }]);
      // The demo clinics that existed before the migration got the default too.
      const { rows: nulls } = await db.query('select count(*)::int as n from public.clinics where status_lead_minutes is null');
      expect(nulls[0].n).toBe(0);
      await db.query('savepoint s');
      await expect(db.query('update public.clinics set status_lead_minutes = 721 where id = $1', [id])).rejects.toThrow(
        /clinics_status_lead_minutes_range/,
      );
      await db.query('rollback to savepoint s');
      await db.query('update public.clinics set status_lead_minutes = 0 where id = $1', [id]);
      expect((await db.query('select status_lead_minutes from public.clinics where id = $1', [id])).rows[0].status_lead_minutes).toBe(0);
    } finally {
      await db.query('rollback');
    }
  });
});
