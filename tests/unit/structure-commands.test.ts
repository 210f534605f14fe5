import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands.ts';
import { isSyncedTable } from '../../shared/sync-tables.ts';

const ROLES = new Set(['admin', 'manager', 'receptionist']);

// Policy is data: every entry says who may run it and what its answer depends on.
describe('the command table', () => {
  for (const [name, spec] of Object.entries(commands)) {
    it(`${name} declares its access and the synced tables it reads`, () => {
      const access: unknown = spec.access;
      const validAccess =
        access === 'always' || access === 'unlocked' || (Array.isArray(access) && access.length > 0 && access.every((r) => ROLES.has(r as string)));
      expect(validAccess, `${name}: access`).toBe(true);
      expect(Array.isArray(spec.reads), `${name}: reads`).toBe(true);
      for (const table of spec.reads) expect(isSyncedTable(table), `${name} reads ${table}`).toBe(true);
    });
  }
});
