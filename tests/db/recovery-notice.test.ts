import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { rememberRecovery } from '../../electron/commands/recovery-notice.ts';
import { queueMutation } from '../../electron/db/write/outbox-queue.ts';
import type { AppInfo } from '../../shared/domain/types.ts';
import { FX, seedFixture } from './fixtures.ts';

const AT = new Date('2026-11-23T10:00:00.000Z');
const report = {
  message: 'The clinic database on this computer was damaged (file is not a database).',
  exportFile: '/data/backups/2026-11-23T10-00-00-000Z.unsynced.json',
  keptFile: '/data/clinic-desk.db.damaged-2026-11-23T10-00-00-000Z',
  changes: 3,
};

describe('app.info recovery', () => {
  let app: ClinicApp;
  beforeEach(() => {
    app = createApp({ dataDir: ':memory:', demo: false, now: () => AT });
    seedFixture(app.db);
  });
  afterEach(() => app.close());

  const info = async () => {
    const res = await app.invoke('app.info', {});
    if (!res.ok) throw new Error(res.error.message);
    return res.value as AppInfo;
  };
  const queue = (id: string) =>
    queueMutation(app.db, {
      id,
      clinic_id: FX.clinic,
      table_name: 'patients',
      row_id: FX.patient,
      op: 'update',
      changes: '{"notes":"x"}',
      base_version: 1,
      actor_staff_id: null,
      created_at: AT.toISOString(),
    });

  it('has no recovery on a desk whose database was never rebuilt', async () => {
    expect((await info()).recovery).toBeUndefined();
  });

  it('tells what happened, when, where the changes were saved and how many were queued again', async () => {
    queue('01900000-0000-7000-8000-000000000001');
    queue('01900000-0000-7000-8000-000000000002');
    rememberRecovery(app.db, report, AT);
    expect((await info()).recovery).toEqual({
      at: AT.toISOString(),
      exportFile: report.exportFile,
      changes: 3,
      requeued: 2,
      keptFile: report.keptFile,
      message: report.message,
      dismissed: false,
    });
  });

  it('remembers a dismissal on this desk until the next rebuild', async () => {
    expect(await app.invoke('app.dismissRecovery', {})).toEqual({ ok: true, value: { dismissed: false } });
    rememberRecovery(app.db, report, AT);
    expect(await app.invoke('app.dismissRecovery', {})).toEqual({ ok: true, value: { dismissed: true } });
    expect((await info()).recovery?.dismissed).toBe(true);
    rememberRecovery(app.db, report, new Date('2026-11-24T08:00:00.000Z'));
    expect((await info()).recovery).toMatchObject({ at: '2026-11-24T08:00:00.000Z', dismissed: false });
  });
});
