import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRow } from '../../electron/db/write/audit-row.ts';
import { DEMO_CLINIC_ID } from '../../shared/demo-ids.ts';
import type { AuditRow } from '../../shared/domain/security-types.ts';
import { STAFF, type SecurityDesk, securityDesk } from './security-fixtures.ts';

describe('audit viewer', () => {
  let d: SecurityDesk;
  let deskId: string;
  beforeEach(async () => {
    d = securityDesk();
    d.actAs('manager');
    deskId = (await d.call('app.info', {})).deskId;
  });
  afterEach(() => d.app.close());

  const create = (firstName: string, phone: string, nationalId?: string) =>
    d.call('patients.create', { firstName, lastName: 'Audit', phone, ...(nationalId ? { nationalId } : {}) });

  /** Every page of a filtered list, following the cursor. */
  async function all(filters: Record<string, unknown>, limit = 2): Promise<AuditRow[]> {
    const out: AuditRow[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await d.call('audit.list', { filters, limit, ...(cursor ? { cursor } : {}) });
      out.push(...page.rows);
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('cursor never ended');
  }

  it('filters by staff, action, table and row, desk and clinic days, newest first and paged', async () => {
    d.clock.now = new Date('2026-11-20T09:00:00.000Z');
    const old = await create('Olga', '600 000 101');
    d.actAs('receptionist');
    d.clock.now = new Date('2026-11-23T09:00:00.000Z');
    const mine = await create('Rita', '600 000 102');
    await d.call('patients.update', { id: mine.id, notes: 'allergic' });
    d.actAs('manager');

    const byReceptionist = await all({ staffId: STAFF.receptionist });
    expect(byReceptionist.map((r) => r.action)).toEqual(['patients.update', 'patients.create']);
    expect(byReceptionist[0]).toMatchObject({ actorName: 'Rita Reception', deskId, tableName: 'patients', rowId: mine.id });

    expect((await all({ action: 'patients.create' })).map((r) => r.rowId)).toEqual([mine.id, old.id]);
    expect((await all({ table: 'patients', rowId: mine.id })).map((r) => r.action)).toEqual(['patients.update', 'patients.create']);
    expect(await all({ deskId: 'another-desk' })).toEqual([]);
    // Clinic days (Europe/Madrid): the 20th only.
    expect((await all({ from: '2026-11-20', to: '2026-11-20', table: 'patients' })).map((r) => r.rowId)).toEqual([old.id]);
    expect(await d.error('audit.list', { filters: { from: '2026-11-21', to: '2026-11-20' } })).toMatchObject({ code: 'validation_error' });

    // Paging walks every row once, in order.
    const paged = await all({}, 3);
    const whole = (await d.call('audit.list', { filters: {}, limit: 200 })).rows;
    expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
    expect([...whole].sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)))).toEqual(whole);
  });

  it('shows what the sync engine wrote: conflicts and rejections, under the person who tried', async () => {
    const p = await create('Sync', '600 000 103');
    for (const action of ['sync.conflict', 'sync.rejected']) {
      appendAuditRow(d.app.db, {
        clinicId: DEMO_CLINIC_ID,
        at: d.clock.now.toISOString(),
        actorStaffId: STAFF.receptionist,
        deskId,
        action,
        table: 'patients',
        rowId: p.id,
        details: { reason: action === 'sync.conflict' ? 'conflict' : 'exclusion_violation', message: 'the slot was taken' },
      });
    }
    const page = await d.call('audit.list', { filters: { action: 'sync.' } });
    expect(page.rows.map((r) => r.action).sort()).toEqual(['sync.conflict', 'sync.rejected']);
    expect(page.rows[0]).toMatchObject({ actorStaffId: STAFF.receptionist, rowId: p.id });
    expect(page.facets.actions).toEqual(expect.arrayContaining(['sync.conflict', 'sync.rejected', 'patients.create']));
    expect(page.facets.staff.map((s) => s.id)).toEqual(expect.arrayContaining([STAFF.admin, STAFF.manager, STAFF.receptionist]));
  });

  it('exports the filtered log as formula-safe CSV and audits the export', async () => {
    d.app.db.prepare('UPDATE staff SET display_name = ? WHERE id = ?').run('=HYPERLINK("http://x","y")', STAFF.receptionist);
    d.actAs('receptionist');
    await create('Csv', '600 000 104');
    d.actAs('manager');
    const out = await d.call('audit.exportCsv', { filters: { staffId: STAFF.receptionist } });
    expect(out.fileName).toBe('audit-log-2026-11-23.csv');
    expect(out.rows).toBe(1);
    const [header, line] = out.csv.split('\r\n');
    expect(header).toBe('time_utc,time_local,staff,staff_id,desk,action,table,row,details');
    expect(line).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(line).toContain('2026-11-23 11:00:00');
    const exportRow = (await d.call('audit.list', { filters: { action: 'audit.exportCsv' } })).rows[0];
    expect(exportRow).toMatchObject({ actorStaffId: STAFF.manager });
    expect(JSON.parse(exportRow!.details)).toMatchObject({ rows: 1, filters: { staffId: STAFF.receptionist } });
  });

  it('refuses a cursor it did not make', async () => {
    expect(await d.error('audit.list', { cursor: "x' OR 1=1 --" })).toMatchObject({ code: 'validation_error', field: 'cursor' });
  });
});

describe('national id masking and reveal', () => {
  let d: SecurityDesk;
  beforeEach(() => {
    d = securityDesk();
    d.actAs('receptionist');
  });
  afterEach(() => d.app.close());

  it('shows the id masked in get, search and update, and reveals it audited with the reason', async () => {
    const p = await d.call('patients.create', { firstName: 'Nia', lastName: 'Masked', phone: '600 000 201', nationalId: '12345678Z' });
    expect(p.nationalId).toBe('••••••678Z');
    expect((await d.call('patients.get', { id: p.id })).nationalId).toBe('••••••678Z');
    const found = await d.call('patients.search', { query: '12345678Z' });
    expect(found.patients.map((x) => x.id)).toEqual([p.id]);
    expect(JSON.stringify(found)).not.toContain('12345678Z');
    expect((await d.call('patients.update', { id: p.id, notes: 'x' })).nationalId).toBe('••••••678Z');

    // A receptionist says why; a manager may, but need not.
    expect(await d.error('patients.revealNationalId', { id: p.id })).toMatchObject({ code: 'validation_error', field: 'reason' });
    expect(await d.call('patients.revealNationalId', { id: p.id, reason: 'identity check at check-in' })).toEqual({ nationalId: '12345678Z' });
    d.actAs('manager');
    expect(await d.call('patients.revealNationalId', { id: p.id })).toEqual({ nationalId: '12345678Z' });

    const reveals = d.app.db
      .prepare(`SELECT actor_staff_id AS actor, row_id AS row, details FROM audit_log WHERE action = 'patients.revealNationalId' ORDER BY at, id`)
      .all() as { actor: string; row: string; details: string }[];
    expect(reveals.map((r) => [r.actor, r.row, JSON.parse(r.details).reason])).toEqual([
      [STAFF.receptionist, p.id, 'identity check at check-in'],
      [STAFF.manager, p.id, null],
    ]);
    // Queued for the server like every audit row.
    expect(d.app.db.prepare(`SELECT count(*) FROM outbox WHERE table_name = 'audit_log' AND changes LIKE '%revealNationalId%'`).pluck().get()).toBe(2);
    expect(await d.error('patients.revealNationalId', { id: '01900000-0000-7000-8000-00000000ffff', reason: 'check' })).toMatchObject({ code: 'not_found' });
  });
});
