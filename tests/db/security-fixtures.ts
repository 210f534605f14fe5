import { type ClinicApp, createApp } from '../../electron/app.ts';
import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import type { CommandErrorData, Envelope } from '../../shared/result.ts';

export type Role = 'admin' | 'manager' | 'receptionist';
export const STAFF: Record<Role, string> = {
  admin: DEMO_STAFF.find((s) => s.role === 'admin')!.id,
  manager: DEMO_STAFF.find((s) => s.role === 'manager')!.id,
  receptionist: DEMO_STAFF.find((s) => s.role === 'receptionist')!.id,
};

export const NOW = new Date('2026-11-23T10:00:00.000Z');

/** A local-only demo desk with cheap scrypt (tests only) and a movable clock. */
export interface SecurityDesk {
  app: ClinicApp;
  clock: { now: Date };
  /** Makes this staff member the desk's default acting person (the local-only default). */
  actAs(role: Role): void;
  invoke(name: CommandName, input: unknown): Promise<Envelope<unknown>>;
  call<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
  error(name: CommandName, input: unknown): Promise<CommandErrorData>;
  count(table: string): number;
}

export function securityDesk(): SecurityDesk {
  const clock = { now: new Date(NOW) };
  const app = createApp({
    dataDir: ':memory:',
    now: () => clock.now,
    logger: { error: () => {} },
    authOptions: { scrypt: { N: 1024, r: 8, p: 1, keyLength: 32 } },
  });
  const invoke = (name: CommandName, input: unknown) => app.invoke(name, input);
  return {
    app,
    clock,
    actAs(role) {
      app.db.prepare(`INSERT OR REPLACE INTO local_settings (key, value) VALUES ('current_staff_id', ?)`).run(STAFF[role]);
    },
    invoke,
    async call(name, input) {
      const res = await invoke(name, input);
      if (!res.ok) throw new Error(`${name} refused: ${JSON.stringify(res.error)}`);
      return res.value as never;
    },
    async error(name, input) {
      const res = await invoke(name, input);
      if (res.ok) throw new Error(`${name} was expected to fail`);
      return res.error;
    },
    count: (table) => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
  };
}
