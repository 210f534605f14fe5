import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getStatusLeadMinutes } from '../../electron/db/repos/clinics.ts';
import { type SecurityDesk, securityDesk } from './security-fixtures.ts';

describe('availability.setStatusLead', () => {
  let d: SecurityDesk;
  beforeEach(() => {
    d = securityDesk();
  });
  afterEach(() => d.app.close());
  const clinicId = () => d.app.db.prepare('SELECT id FROM clinics LIMIT 1').pluck().get() as string;

  it('lets an admin change the lead time, synced and audited, and shows it in the settings', async () => {
    d.actAs('admin');
    expect((await d.call('availability.settings', {})).statusLeadMinutes).toBe(60);
    const before = [d.count('audit_log'), d.count('outbox')];
    const settings = await d.call('availability.setStatusLead', { minutes: 30 });
    expect(settings.statusLeadMinutes).toBe(30);
    expect(getStatusLeadMinutes(d.app.db, clinicId())).toBe(30);
    expect([d.count('audit_log'), d.count('outbox')]).toEqual([before[0]! + 1, before[1]! + 2]);
    const queued = d.app.db.prepare(`SELECT changes FROM outbox WHERE table_name = 'clinics' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(queued)).toMatchObject({ status_lead_minutes: 30 });
  });

  it('refuses managers and receptionists (a clinic row: admins only, as on the server) and bad values', async () => {
    for (const role of ['manager', 'receptionist'] as const) {
      d.actAs(role);
      expect(await d.error('availability.setStatusLead', { minutes: 30 })).toMatchObject({ code: 'forbidden' });
    }
    d.actAs('admin');
    for (const minutes of [-1, 721, 12.5]) {
      expect(await d.error('availability.setStatusLead', { minutes })).toMatchObject({ code: 'validation_error', field: 'minutes' });
    }
    expect(getStatusLeadMinutes(d.app.db, clinicId())).toBe(60);
  });
});
