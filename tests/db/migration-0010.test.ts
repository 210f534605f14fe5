import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { getStatusLeadMinutes } from '../../electron/db/repos/clinics.ts';

describe('SQL/migration 0010 clinics.status_lead_minutes', () => {
  it('adds the setting with the 60-minute default to existing clinics, bounded 0–720', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 9 });
    db.prepare(`INSERT INTO clinics (id, clinic_id, name, time_zone, updated_at) VALUES ('c', 'c', 'Old', 'Europe/Madrid', 'now')`).run();
    const columns = () => (db.pragma('table_info(clinics)') as { name: string }[]).map((c) => c.name);
    expect(columns()).not.toContain('status_lead_minutes');
    migrate(db, { upTo: 10 });
    expect(columns()).toContain('status_lead_minutes');
    expect(getStatusLeadMinutes(db, 'c')).toBe(60);
    db.prepare(`UPDATE clinics SET status_lead_minutes = 0 WHERE id = 'c'`).run();
    expect(getStatusLeadMinutes(db, 'c')).toBe(0);
    for (const bad of [-1, 721]) {
      expect(() => db.prepare('UPDATE clinics SET status_lead_minutes = ? WHERE id = ?').run(bad, 'c')).toThrow(/CHECK constraint/);
    }
    expect(getStatusLeadMinutes(db, 'c')).toBe(0);
  });
});
