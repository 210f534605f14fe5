import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/domain/types.ts';
import { createClinic } from './fixtures.ts';
import { useFaultyDesks } from './faulty-desks.ts';
import { expectConverged, openDesk, settle } from './sync-desk.ts';

const { h, opened, proxy } = useFaultyDesks();

const DAY = 86_400_000;
const PATIENTS = 5000; // each patients.create queues two changes: the patient and its audit row

describe('sync after a long outage', () => {
  it('sends 10,000 changes queued during a 7-day outage exactly once and converges', async () => {
    const { db, stack } = h();
    const clinic = await createClinic(db, 'outage');
    // The desk's clock: the outage starts 7 days ago and ends now (the server's clock is real).
    let offset = -7 * DAY;
    const desk = await openDesk(stack, clinic.users.receptionist, {
      url: proxy.url,
      now: () => new Date(Date.now() + offset),
      // Short push transactions: a 1000-mutation push holds every desk's pull horizon back while it
      // runs, and the other integration files share this server.
      syncOptions: { backoffMaxMs: 2000, pushBatchSize: 100 },
    });
    opened.push(desk);
    await settle([desk]);

    proxy.set({ mode: 'refuse' });
    for (let i = 0; i < PATIENTS; i++) {
      offset = -7 * DAY + Math.floor((i * 7 * DAY) / PATIENTS);
      await desk.invoke('patients.create', { firstName: 'Outage', lastName: `Queued ${i}`, phone: `7${String(i).padStart(8, '0')}` });
    }
    offset = 0;
    desk.tokens.expire(stack.jwtSecret); // the access token ran out during the outage
    const offline = await desk.invoke<SyncStatus>('sync.now', {});
    expect(offline).toMatchObject({ mode: 'offline', pendingChanges: PATIENTS, verified: false });
    expect(Date.now() - Date.parse(offline.oldestPendingAt!)).toBeGreaterThan(6.9 * DAY);

    proxy.set({ mode: 'pass' });
    await settle([desk], 120_000);
    const patients = await db.query<{ n: string; distinct_names: string }>(
      `select count(*) n, count(distinct last_name) distinct_names from public.patients where clinic_id = $1 and first_name = 'Outage'`,
      [clinic.id],
    );
    expect(patients.rows[0]).toEqual({ n: String(PATIENTS), distinct_names: String(PATIENTS) });
    const audits = await db.query<{ n: string }>(
      `select count(*) n from public.audit_log where clinic_id = $1 and action = 'patients.create'`,
      [clinic.id],
    );
    expect(Number(audits.rows[0]!.n)).toBe(PATIENTS);
    expect(desk.tokens.refreshes).toBeGreaterThan(0);
    await expectConverged(db, clinic.id, [desk]);
  }, 240_000); // 10k changes through a real server: ~30 s alone, more on two busy cores
});
