import pg from 'pg';
import { todayIn } from '../../shared/domain/clinic-time.ts';
import { DEMO_CLINIC_ID } from '../../shared/demo-ids.ts';
import { startFaultProxy } from '../integration/fault-proxy.ts';
import { SyncPage } from './pages/sync-page.ts';
import { type ServerDesk, expect, startServerDesk, test } from './sync-fixtures.ts';

let desk: ServerDesk | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

const madridClock = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** A free slot on the desk (what the booking dialog offers) and a patient to put in it. */
async function freeSlot(d: ServerDesk, fromDate: string) {
  const patients = await d.invoke('patients.search', { query: 'Garc' });
  const patientId = patients.patients[0]!.id;
  // From the clinic's settings, not from fromDate's bookings: on a Sunday or a holiday the demo
  // clinic is closed and that day has none.
  const settings = await d.invoke('availability.settings', {});
  const typeId = settings.appointmentTypes.find((t) => t.active)!.id;
  const found = await d.invoke('availability.findFree', { appointmentTypeId: typeId, fromDate, limit: 3, patientId });
  const slot = found.slots[0]!;
  return { patientId, typeId, slot };
}

test.describe('sync through an outage', () => {
  test('npm start flow: signed in to the embedded server, books while it is stopped, sees it synced after', async ({ page, stack }, testInfo) => {
    test.setTimeout(120_000);
    desk = await startServerDesk(stack.url, stack.anonKey, true); // --demo-sign-in, as npm start
    const ui = new SyncPage(page);
    // Remember every moment the page says the desk is not signed in (no timing: a DOM observer).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { signInWords: string[] }).signInWords = seen;
      new MutationObserver(() => {
        const text = document.body?.innerText ?? '';
        for (const w of ['Sign in again', 'Not signed in']) if (text.includes(w) && !seen.includes(w)) seen.push(w);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(desk.url);
    await expect(page.getByTestId('clinic-name')).toHaveText('Clínica Sonrisa Demo', { timeout: 30_000 });
    await expect(ui.userMenu).toContainText('Rita Reception');
    await ui.expectSynced();
    // The demo signs itself in: no red "Not signed in / Sign in again" on the way.
    expect(await page.evaluate(() => (window as unknown as { signInWords: string[] }).signInWords)).toEqual([]);

    await stack.stop();
    await expect(ui.indicator).toHaveAttribute('data-mode', 'offline', { timeout: 20_000 });
    const today = todayIn('Europe/Madrid', new Date((await desk.invoke('app.info', {})).now));
    const { patientId, typeId, slot } = await freeSlot(desk, today);
    const booked = await desk.invoke('appointments.book', { patientId, doctorId: slot.doctorId, appointmentTypeId: typeId, startsAt: slot.startsAt });
    // The booking and its audit row wait in the outbox: never "Synced" while they do.
    await expect(ui.indicator).not.toHaveAttribute('data-pending', '0');
    await expect(ui.pending).toHaveText('1 waiting'); // one booking, not its two outbox rows
    await expect(ui.indicator).not.toContainText('Synced');
    await ui.screenshot(testInfo, 'sync-offline-pending');
    // Offline, the Sync screen does not claim every change reached the server.
    await ui.openSyncScreen();
    await expect(page.getByTestId('sync-pending-count')).toHaveText('1');
    await expect(page.getByTestId('attention-empty')).toHaveText('Nothing needs attention. 1 change is still waiting to be sent.');
    await expect(page.getByTestId('sync-last-error')).not.toContainText('fetch');
    await ui.screenshot(testInfo, 'sync-screen-offline');
    await page.locator('.lang button[lang="es"]').click();
    await expect(page.getByTestId('attention-empty')).toHaveText('Nada requiere atención. Aún queda 1 cambio por enviar.');
    await ui.screenshot(testInfo, 'sync-screen-offline-es');
    await page.locator('.lang button[lang="en"]').click();

    await stack.start();
    await ui.expectSynced(30_000);
    const db = new pg.Client({ connectionString: stack.current.pgUrl });
    await db.connect();
    try {
      const { rows } = await db.query('select doctor_id, patient_id from public.appointments where id = $1', [booked.id]);
      expect(rows).toEqual([{ doctor_id: slot.doctorId, patient_id: patientId }]);
    } finally {
      await db.end();
    }
    await ui.screenshot(testInfo, 'sync-back-online-synced');
    await ui.openSyncScreen();
    await expect(page.getByTestId('sync-pending-count')).toHaveText('0');
    await expect(page.getByTestId('sync-server')).toHaveText(stack.url);
    await ui.screenshot(testInfo, 'sync-screen');
  });

  test('a slot taken on the server while offline lands in Needs attention and is re-booked in one click', async ({ page, stack }, testInfo) => {
    test.setTimeout(120_000);
    const proxy = await startFaultProxy(stack.url);
    try {
      desk = await startServerDesk(proxy.url, stack.anonKey, true);
      const ui = new SyncPage(page);
      await page.goto(desk.url);
      await expect(page.getByTestId('clinic-name')).toHaveText('Clínica Sonrisa Demo', { timeout: 30_000 });
      await ui.expectSynced();

      proxy.set({ mode: 'refuse' }); // the desk's internet goes down
      await expect(ui.indicator).toHaveAttribute('data-mode', 'offline', { timeout: 20_000 });
      const today = todayIn('Europe/Madrid', new Date((await desk.invoke('app.info', {})).now));
      const { patientId, typeId, slot } = await freeSlot(desk, today);
      await desk.invoke('appointments.book', { patientId, doctorId: slot.doctorId, appointmentTypeId: typeId, startsAt: slot.startsAt });
      const patient = await desk.invoke('patients.get', { id: patientId });

      // Meanwhile another desk books the same doctor and time on the server.
      let takerName = '';
      const db = new pg.Client({ connectionString: stack.current.pgUrl });
      await db.connect();
      try {
        const other = await db.query<{ id: string; first_name: string; last_name: string }>(
          `select id, first_name, last_name from public.patients where clinic_id = $1 and id <> $2 and deleted_at is null limit 1`,
          [DEMO_CLINIC_ID, patientId],
        );
        await db.query(
          `insert into public.appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at, status)
           values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'scheduled')`,
          [DEMO_CLINIC_ID, slot.doctorId, other.rows[0]!.id, typeId, slot.startsAt, slot.endsAt],
        );
        takerName = `${other.rows[0]!.first_name} ${other.rows[0]!.last_name}`;
      } finally {
        await db.end();
      }

      proxy.set({ mode: 'pass' });
      await expect(page.getByTestId('sync-attention-count')).toBeVisible({ timeout: 30_000 });
      await ui.openSyncScreen();
      await expect(ui.attention).toHaveCount(1);
      await expect(ui.attention.first()).toHaveAttribute('data-reason', /overlap_doctor|slot_taken/);
      await expect(ui.attention.first()).toContainText('The doctor was already booked at that time.');
      await expect(ui.attention.first().getByTestId('rebook-slot').first()).toBeVisible();
      // What was tried reads for people: names and clinic time; ids only under "Technical details".
      const tried = ui.attention.first().getByTestId('attention-tried');
      await expect(tried.locator('.attention__fields').first()).toContainText(slot.doctorName);
      await expect(tried.locator('.attention__fields').first()).toContainText(madridClock(slot.startsAt));
      await expect(tried.locator('.attention__fields').first()).not.toContainText(slot.doctorId);
      await expect(tried.locator('.attention__fields--raw')).toBeHidden();
      await expect(tried.locator('.attention__fields').first()).not.toContainText(/idempotency/i);
      // Which booking took the time, and whom to call about it.
      await expect(ui.attention.first().getByTestId('attention-taken-by')).toContainText(takerName);
      await expect(ui.attention.first().getByTestId('attention-taken-by')).toContainText(madridClock(slot.startsAt));
      await expect(ui.attention.first().getByTestId('attention-call')).toContainText(patient.phone!);
      await ui.screenshot(testInfo, 'sync-needs-attention');
      await page.locator('.lang button[lang="es"]').click();
      await expect(ui.attention.first()).toContainText('Llamar a');
      await ui.screenshot(testInfo, 'sync-needs-attention-es');
      await page.locator('.lang button[lang="en"]').click();
      await tried.getByText('Technical details').click();
      await expect(tried.locator('.attention__fields--raw')).toContainText(slot.doctorId);

      await ui.attention.first().getByTestId('rebook-slot').first().click();
      await expect(ui.attention).toHaveCount(0);
      await expect(page.getByTestId('rebook-done')).toContainText(`Booked again: ${patient.firstName} ${patient.lastName}`);
      await ui.expectSynced(30_000);
      await ui.screenshot(testInfo, 'sync-needs-attention-resolved');
    } finally {
      await proxy.close();
    }
  });
});

test.describe('the embedded server\'s demo clinic', () => {
  test('reaches a desk ready for a recall campaign: its two recall types find patients due', async ({ page, stack }) => {
    test.setTimeout(120_000);
    desk = await startServerDesk(stack.url, stack.anonKey, true); // as npm start
    const d = desk;
    await page.goto(d.url);
    await expect(page.getByTestId('clinic-name')).toHaveText('Clínica Sonrisa Demo', { timeout: 30_000 });
    await new SyncPage(page).expectSynced();
    // The first download brings the server's seed (the same rows as the local demo); the recall
    // facts are rebuilt on the desk after it, so wait for the answers, not for a time.
    await expect.poll(async () => (await d.invoke('recalls.types.list', {})).length, { timeout: 60_000 }).toBe(2);
    const types = await d.invoke('recalls.types.list', {});
    expect(types.map((t) => [t.intervalMonths, t.basis, t.appointmentTypeIds.length]).sort()).toEqual([[12, 'appointment_types', 1], [6, 'appointment_types', 1]].sort());
    for (const t of types) {
      await expect
        .poll(async () => (await d.invoke('recalls.preview', { recallTypeId: t.id, criteria: { due: { kind: 'overdue', days: 0 } }, sample: false })).count, { timeout: 60_000 })
        .toBeGreaterThan(20);
    }
  });
});
