import { addDaysIso, instantToLocalDate, isoWeekday, todayIn, type IsoDate } from '../../shared/domain/clinic-time.ts';
import type { DayAppointment } from '../../shared/domain/types.ts';
import { test as base, expect, type Host } from './fixtures.ts';
import { AvailabilityPage } from './pages/availability-page.ts';

const test = base.extend<{ avail: AvailabilityPage }>({
  avail: async ({ page, host }, use) => {
    await use(new AvailabilityPage(page, host));
  },
});

/** The first later day with a booked (scheduled or confirmed) appointment, through the host. */
async function bookedDay(host: Host, from: IsoDate): Promise<{ date: IsoDate; appt: DayAppointment }> {
  for (let i = 1; i <= 21; i++) {
    const date = addDaysIso(from, i);
    const day = await host.invoke('schedule.day', { date });
    const appt = day.appointments.find((a) => a.status === 'scheduled' || a.status === 'confirmed');
    if (appt) return { date, appt };
  }
  throw new Error('no booked appointment in the next three weeks');
}

// The demo desk acts as its receptionist; the editors need a manager (host --acting-staff).
test.use({ hostArgs: ['--acting-staff', 'manager@demo.clinic'] });

test.describe('availability editors (manager)', () => {
  let today = '';
  test.beforeEach(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone, new Date(info.now));
  });

  test('edits a doctor’s weekly hours, refuses an end before the start, and warns before stranding bookings', async ({ avail, host }, testInfo) => {
    const { date, appt } = await bookedDay(host, today);
    const weekday = isoWeekday(date);
    await avail.openScreen();
    const editor = await avail.openEditor('hours');
    await avail.chooseDoctor(appt.doctorId);
    const hours = editor.locator('section').first();
    const before = await host.invoke('availability.doctorSchedule', { doctorId: appt.doctorId });
    await expect(hours.locator('tbody tr')).toHaveCount(before.hours.length);

    // A new Saturday/Sunday range that ends before it starts is refused in the form.
    const freeDay = [7, 6, 5, 4, 3, 2, 1].find((w) => !before.hours.some((h) => h.weekday === w))!;
    await hours.getByRole('button', { name: /Add range/ }).click();
    const row = hours.locator('tbody tr').last();
    await row.getByLabel('Weekday').selectOption(String(freeDay));
    await row.getByLabel('Start').fill('10:00');
    await row.getByLabel('End').fill('09:00');
    await editor.getByTestId('save-week').click();
    await expect(editor.getByTestId('editor-error')).toContainText('the end must be after the start');
    await expect(row.getByLabel('End')).toHaveAttribute('aria-invalid', 'true');
    expect((await host.invoke('availability.doctorSchedule', { doctorId: appt.doctorId })).hours).toHaveLength(before.hours.length);

    await row.getByLabel('End').fill('13:00');
    await editor.getByTestId('save-week').click();
    await expect(editor.getByRole('status')).toHaveText('Saved');
    const added = await host.invoke('availability.doctorSchedule', { doctorId: appt.doctorId });
    expect(added.hours).toContainEqual(expect.objectContaining({ weekday: freeDay, startMinute: 600, endMinute: 780 }));
    await avail.screenshot(testInfo, 'availability-week-editor');

    // Removing the hours of a booked weekday lists the booking and saves nothing until confirmed.
    const booked = hours.locator('tbody tr').filter({ has: avail.page.locator(`select option[value="${weekday}"]:checked`) });
    const n = await booked.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await booked.first().getByRole('button', { name: 'Remove' }).click();
    await editor.getByTestId('save-week').click();
    await expect(avail.orphans).toContainText(appt.patientName);
    await expect(avail.orphans.getByTestId('keep')).toBeFocused();
    await avail.page.keyboard.press('Enter');
    await expect(avail.orphans).toBeHidden();
    expect((await host.invoke('availability.doctorSchedule', { doctorId: appt.doctorId })).hours).toHaveLength(added.hours.length);
  });

  test('adds, renames, deactivates and reactivates a room with field errors', async ({ avail, host }, testInfo) => {
    await avail.openScreen();
    const editor = await avail.openEditor('rooms');
    const add = editor.getByTestId('add-room');
    await add.getByRole('button', { name: 'Add room' }).click();
    await expect(add).toContainText('Required.');
    await expect(add.getByLabel('New room')).toHaveAttribute('aria-invalid', 'true');

    const existing = (await host.invoke('availability.settings', {})).rooms[0]!;
    await add.getByLabel('New room').fill(existing.name.toUpperCase());
    await add.getByLabel('New room').press('Enter');
    await expect(add).toContainText('Another one already has this name.');

    await add.getByLabel('New room').fill('Sala E2E');
    await add.getByLabel('New room').press('Enter');
    const row = editor.getByTestId('room-row').filter({ has: avail.page.locator('input[value="Sala E2E"]') });
    await expect(row).toHaveCount(1);
    const id = (await row.getAttribute('data-room-id'))!;
    const mine = editor.locator(`[data-room-id="${id}"]`);

    await mine.getByRole('textbox').fill('Sala E2E renombrada');
    await mine.getByRole('textbox').press('Enter');
    await expect.poll(async () => (await host.invoke('availability.settings', {})).rooms.find((r) => r.id === id)?.name).toBe('Sala E2E renombrada');

    await mine.getByRole('button', { name: 'Deactivate' }).click();
    await expect(mine).toContainText('Inactive');
    expect((await host.invoke('availability.settings', {})).rooms.find((r) => r.id === id)?.active).toBe(false);
    await avail.screenshot(testInfo, 'availability-rooms-editor');
    await mine.getByRole('button', { name: 'Reactivate' }).click();
    await expect(mine).not.toContainText('Inactive');
    expect((await host.invoke('availability.settings', {})).rooms.find((r) => r.id === id)?.active).toBe(true);
  });

  test('adds and edits an appointment type and sets a per-doctor duration', async ({ avail, host }, testInfo) => {
    await avail.openScreen();
    const editor = await avail.openEditor('types');
    await editor.getByTestId('add-type').click();
    const form = editor.getByTestId('type-form');
    await form.getByLabel('Name', { exact: true }).fill('Revisión E2E');
    await form.getByLabel('Default minutes').fill('3');
    await form.getByLabel('Colour', { exact: true }).fill('blue');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form).toContainText('Enter whole minutes from 5 to 480.');
    await expect(form).toContainText('Enter a colour like #4f7cac.');
    await expect(form.getByLabel('Default minutes')).toHaveAttribute('aria-invalid', 'true');
    expect((await host.invoke('availability.settings', {})).appointmentTypes.some((t) => t.name === 'Revisión E2E')).toBe(false);

    await form.getByLabel('Default minutes').fill('40');
    await form.getByLabel('Colour', { exact: true }).fill('#AA3366');
    await form.getByLabel('Default minutes').press('Enter');
    await expect(form).toBeHidden();
    const created = (await host.invoke('availability.settings', {})).appointmentTypes.find((t) => t.name === 'Revisión E2E')!;
    expect(created).toMatchObject({ durationMinutes: 40, color: '#aa3366', active: true });

    const row = editor.locator(`[data-testid="type-row"][data-type-id="${created.id}"]`);
    await row.getByTestId('toggle-durations').click();
    const durations = editor.getByTestId('durations');
    const first = durations.getByTestId('doctor-duration').first();
    const doctorId = (await first.getAttribute('data-doctor-id'))!;
    await first.getByRole('textbox').fill('2');
    await first.getByRole('textbox').press('Enter');
    await expect(first).toContainText('Enter whole minutes from 5 to 480.');
    await first.getByRole('textbox').fill('55');
    await first.getByRole('textbox').press('Enter');
    await expect(first).toContainText('Own duration');
    const overrides = (await host.invoke('availability.settings', {})).durationOverrides;
    expect(overrides).toContainEqual(expect.objectContaining({ doctorId, appointmentTypeId: created.id, durationMinutes: 55 }));
    await avail.screenshot(testInfo, 'availability-types-editor');
    await first.getByRole('button', { name: 'Use default' }).click();
    await expect(first).toContainText('Default');
    expect((await host.invoke('availability.settings', {})).durationOverrides.some((o) => o.appointmentTypeId === created.id)).toBe(false);

    await row.getByRole('button', { name: 'Edit Revisión E2E' }).click();
    const edit = row.getByTestId('type-form');
    await edit.getByLabel('Active').uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(row).toContainText('Inactive');
    expect((await host.invoke('availability.settings', {})).appointmentTypes.find((t) => t.id === created.id)?.active).toBe(false);
  });

  test('adds a clinic closure only after confirming the affected appointments, then removes it', async ({ avail, host }, testInfo) => {
    const { date, appt } = await bookedDay(host, today);
    const before = (await host.invoke('availability.settings', {})).blocked.length;
    await avail.openScreen();
    const editor = await avail.openEditor('closures');
    const form = editor.getByTestId('add-closure');
    await form.getByRole('button', { name: 'Add closure' }).click();
    await expect(form).toContainText('Choose a date.');
    await expect(form.getByLabel('First day')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('First day').fill(date);
    await form.getByLabel('Reason').fill('Cierre E2E');
    await form.getByLabel('Reason').press('Enter');
    await expect(avail.orphans).toContainText(appt.patientName);
    await expect(avail.orphans).toContainText('Save anyway?');
    await avail.screenshot(testInfo, 'availability-closures-orphans');
    await avail.orphans.getByTestId('keep').click();
    expect((await host.invoke('availability.settings', {})).blocked).toHaveLength(before);

    await form.getByRole('button', { name: 'Add closure' }).click();
    await avail.orphans.getByTestId('save-anyway').click();
    await expect(avail.orphans).toBeHidden();
    await expect(form.getByLabel('First day')).toHaveValue('');
    const row = editor.getByTestId('closure-row').filter({ hasText: 'Cierre E2E' });
    await expect(row).toHaveCount(1);
    const blocked = (await host.invoke('availability.settings', {})).blocked;
    expect(blocked).toHaveLength(before + 1);
    await avail.screenshot(testInfo, 'availability-closures-editor');

    await row.getByRole('button', { name: /^Remove/ }).click();
    await expect(row).toHaveCount(0);
    expect((await host.invoke('availability.settings', {})).blocked).toHaveLength(before);
  });

  test('shows every doctor’s free and busy time for a day and finds the next free slot for one', async ({ avail, host }, testInfo) => {
    const { date, appt } = await bookedDay(host, today);
    const doctors = (await host.invoke('availability.settings', {})).doctors.filter((d) => d.active);
    await avail.openScreen();
    await avail.showDay(date);
    await expect(avail.dayView.getByTestId('day-row')).toHaveCount(doctors.length);
    const row = avail.dayRow(appt.doctorId);
    await expect(row.locator('.dayview__band--busy').first()).toBeVisible();
    // The finder searches from the day shown (a later day than today), not from today.
    // Shown in the desk's order (dd/mm/yyyy on the en-GB desk), never the browser's.
    await expect(avail.finder.getByTestId('from-date')).toHaveValue(date.split('-').reverse().join('/'));
    const firstSlot = avail.finder.getByTestId('free-slot').first();
    await expect(firstSlot).toBeVisible();
    expect(instantToLocalDate((await firstSlot.getAttribute('data-starts-at'))!, 'Europe/Madrid') >= date).toBe(true);
    await avail.screenshot(testInfo, 'availability-day');

    await row.getByRole('button', { name: /^Find next free for/ }).click();
    await expect(avail.finder.getByTestId('doctor-select')).toHaveValue(appt.doctorId);
    const slots = avail.finder.getByTestId('free-slot');
    await expect(slots.first()).toBeVisible();

    // A free band is a button: Enter opens the booking dialog at its start.
    const free = avail.dayView.getByTestId('day-free').first();
    await free.focus();
    await avail.page.keyboard.press('Enter');
    await expect(avail.bookingDialog).toBeVisible();
    await avail.page.keyboard.press('Escape');
    await expect(avail.bookingDialog).toBeHidden();
  });
});
