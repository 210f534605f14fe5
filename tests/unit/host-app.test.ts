import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, DaySchedule } from '../../shared/domain/types.ts';
import type { ClinicEvent } from '../../shared/events.ts';
import type { Envelope } from '../../shared/result.ts';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { type RunningHost, startHost } from '../../electron/host/host.ts';
import { fakeRendererDir, invoke, waitForEvent } from './host-http.ts';

/** The host around the real app: a fresh demo database in a temp dir. */
describe('headless host with the real app', () => {
  const dirs = fakeRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-host-data-'));
  let app: ClinicApp;
  let host: RunningHost;

  beforeAll(async () => {
    app = createApp({ dataDir, logger: { error: () => {} } });
    host = await startHost({ app, rendererDir: dirs.rendererDir });
  });
  afterAll(async () => {
    await host?.close();
    app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dirs.root, { recursive: true, force: true });
  });

  it('answers app.info with an ok envelope', async () => {
    const res = await invoke(host.port, host.token, 'app.info', {});
    expect(res.status).toBe(200);
    const envelope = res.json as Envelope<AppInfo>;
    expect(envelope.ok).toBe(true);
    if (envelope.ok) expect(envelope.value.clinic.name).toEqual(expect.any(String));
  });

  it('answers unknown commands and invalid input as command-level envelopes with 200', async () => {
    const unknown = await invoke(host.port, host.token, 'no.such.command', {});
    expect(unknown.status).toBe(200);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const invalid = await invoke(host.port, host.token, 'settings.setLanguage', { language: 'fr' });
    expect(invalid.status).toBe(200);
    expect(invalid.json).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'language' } });
  });

  it('pushes data.changed over SSE after a write', async () => {
    const appointment = await findOpenAppointment(host);
    const sub = waitForEvent(`http://127.0.0.1:${host.port}`, host.token, (d) => (d as ClinicEvent).name === 'data.changed');
    await sub.ready;
    const res = await invoke(host.port, host.token, 'appointments.setStatus', { id: appointment, status: 'cancelled', reason: 'Patient called' });
    expect(res.json).toMatchObject({ ok: true });
    const event = (await sub.event) as ClinicEvent<'data.changed'>;
    expect(event.payload.tables).toContain('appointments');
  });

  it('round-trips settings.setLanguage through HTTP into the database', async () => {
    expect((await invoke(host.port, host.token, 'settings.setLanguage', { language: 'es' })).json).toEqual({ ok: true, value: { language: 'es' } });
    const info = (await app.invoke('app.info', {})) as Envelope<AppInfo>;
    expect(info.ok && info.value.language).toBe('es');
  });
});

/** A scheduled or confirmed demo appointment in the coming two weeks. */
async function findOpenAppointment(host: RunningHost): Promise<string> {
  const today = new Date();
  for (let offset = 0; offset < 14; offset++) {
    const date = new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const res = (await invoke(host.port, host.token, 'schedule.day', { date })).json as Envelope<DaySchedule>;
    if (!res.ok) throw new Error(`schedule.day failed: ${res.error.message}`);
    const open = res.value.appointments.find((a) => a.status === 'scheduled' || a.status === 'confirmed');
    if (open) return open.id;
  }
  throw new Error('no open demo appointment in the next two weeks');
}
