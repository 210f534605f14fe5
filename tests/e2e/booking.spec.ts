import { addDaysIso, todayIn } from '../../shared/domain/clinic-time.ts';
import type { DaySchedule } from '../../shared/domain/types.ts';
import { test as base, expect } from './fixtures.ts';
import { BookingPage } from './pages/booking-page.ts';

const test = base.extend<{ booking: BookingPage }>({
  booking: async ({ page, host }, use) => {
    await use(new BookingPage(page, host));
  },
});

const PX_PER_MINUTE = 1.6;

/** A later day with at least two movable appointments of one doctor, found through the host. */
async function busyDay(host: { invoke: (n: 'schedule.day', i: unknown) => Promise<DaySchedule> }, from: string) {
  for (let i = 1; i <= 14; i++) {
    const date = addDaysIso(from, i);
    const day = await host.invoke('schedule.day', { date });
    for (const d of day.doctors) {
      const mine = day.appointments
        .filter((a) => a.doctorId === d.id && (a.status === 'scheduled' || a.status === 'confirmed'))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      if (mine.length < 2) continue;
      // The two closest in time first (a short drag stays inside the visible grid).
      let best = 0;
      for (let k = 1; k < mine.length - 1; k++) {
        const gap = (j: number) => Date.parse(mine[j + 1]!.startsAt) - Date.parse(mine[j]!.startsAt);
        if (gap(k) < gap(best)) best = k;
      }
      return { day, doctorId: d.id, list: [...mine.slice(best), ...mine.slice(0, best)] };
    }
  }
  throw new Error('no day with two movable appointments of one doctor');
}

test.describe('booking', () => {
  let today = '';
  test.beforeEach(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone, new Date(info.now));
  });

  test('finds a free slot and books a new patient from the keyboard', async ({ booking, host }, testInfo) => {
    await booking.open();
    await booking.expectDay(today);
    await booking.openBookingByKey();
    await expect(booking.patientSearch).toBeFocused();
    await booking.patientSearch.fill('Zz');
    await expect(booking.dialog).toContainText('at least 3 characters');
    const phone = `+34 699 ${String(Date.now()).slice(-6)}`;
    await booking.createPatientInline({ firstName: 'Nerea', lastName: 'Olmos Prueba', phone });
    await expect(booking.freeSlots.first()).toBeVisible();
    await booking.freeSlots.first().click();
    await expect(booking.freeSlots.first()).toHaveAttribute('aria-selected', 'true');
    await expect(booking.saveButton).toBeEnabled();
    await booking.screenshot(testInfo, 'booking-dialog');
    const startsAt = (await booking.freeSlots.first().getAttribute('data-starts-at'))!;

    await booking.saveButton.click();
    await expect(booking.dialog).toBeHidden();
    await expect(booking.panel).toBeVisible();
    await expect(booking.panel.getByRole('heading', { level: 2 })).toHaveText('Nerea Olmos Prueba');
    const found = await host.invoke('patients.search', { query: 'Olmos Prueba' });
    const upcoming = await host.invoke('patients.appointments', { patientId: found.patients[0]!.id });
    expect(upcoming.upcoming.map((a) => a.startsAt)).toContain(startsAt);
    await expect(booking.undoToast).toContainText('Booked Nerea Olmos Prueba');
  });

  test('warns about a likely duplicate and can use the existing patient', async ({ booking, host }) => {
    await host.invoke('patients.create', { firstName: 'Irene', lastName: 'Duplo Prueba', phone: '+34 688 123 987' });
    await booking.open();
    await booking.openBookingByKey();
    await booking.dialog.getByTestId('new-patient').click();
    const form = booking.dialog.getByTestId('new-patient-form');
    await form.locator('input[name="firstName"]').fill('Irene');
    await form.locator('input[name="lastName"]').fill('Duplo');
    await form.locator('input[name="phone"]').fill('688 123 987');
    await form.getByTestId('create-patient').click();
    await expect(booking.dialog.getByTestId('duplicates')).toContainText('same phone');
    await booking.dialog.getByRole('button', { name: 'Use existing' }).click();
    await expect(booking.dialog.getByTestId('chosen-patient')).toContainText('Irene Duplo Prueba');
  });

  test('drags an appointment to another time, refuses an overlap and snaps back', async ({ booking, host }) => {
    const { day, list } = await busyDay(host, today);
    const [first, second] = list as [(typeof list)[0], (typeof list)[0]];
    await booking.open();
    await booking.datePicker.fill(day.date);
    await booking.expectDay(day.date);

    // Onto the second appointment of the same doctor: refused, with the reason, and back in place.
    const block = booking.block(first.id);
    const placeOf = () => block.evaluate((el) => `${el.style.top} ${el.style.transform}`);
    const before = await placeOf();
    const overlapDy = ((Date.parse(second.startsAt) - Date.parse(first.startsAt)) / 60_000) * PX_PER_MINUTE;
    await booking.drag(block, 0, overlapDy);
    await expect(booking.moveError).toContainText('already sees');
    await expect.poll(placeOf).toBe(before);
    expect((await host.invoke('appointments.get', { id: first.id })).startsAt).toBe(first.startsAt);

    // To a free time: find the earliest free slot of that doctor on that day after the last one.
    const free = await host.invoke('availability.findFree', {
      doctorId: first.doctorId,
      appointmentTypeId: first.typeId!,
      fromDate: day.date,
      toDate: day.date,
      excludeAppointmentId: first.id,
      limit: 100,
    });
    // The farthest one: a move longer than the view (the drag helper scrolls the grid under a
    // still pointer instead of running into its edge, where the grid scrolls itself).
    const distance = (s: { startsAt: string }) => Math.abs(Date.parse(s.startsAt) - Date.parse(first.startsAt));
    const target = free.slots
      .filter((s) => s.startsAt !== first.startsAt && s.roomId === first.roomId)
      .sort((a, b) => distance(b) - distance(a))[0];
    expect(target, 'a free time that day').toBeTruthy();
    const dy = ((Date.parse(target!.startsAt) - Date.parse(first.startsAt)) / 60_000) * PX_PER_MINUTE;
    await booking.drag(block, 0, dy);
    await expect.poll(async () => (await host.invoke('appointments.get', { id: first.id })).startsAt).toBe(target!.startsAt);
    await expect(booking.undoToast).toContainText(/Moved .+ to /);
    // Ctrl+Z undoes the move.
    await booking.pressOnPage('Control+z');
    await expect(booking.undoToast).toContainText('Undone');
    await expect.poll(async () => (await host.invoke('appointments.get', { id: first.id })).startsAt).toBe(first.startsAt);
  });

  test('scrolls the grid while a block is held at its edge, so it can go to a doctor out of view', async ({ booking, host, page }, testInfo) => {
    // The day of the coming two weeks with the most doctors working (not every doctor works
    // every weekday), and a movable appointment of its first (leftmost) doctor.
    let found: { date: string; id: string; doctors: number } | null = null;
    for (let i = 1; i <= 14; i++) {
      const day = await host.invoke('schedule.day', { date: addDaysIso(today, i) });
      const a = day.appointments.find((x) => x.doctorId === day.doctors[0]?.id && (x.status === 'scheduled' || x.status === 'confirmed'));
      if (a && day.doctors.length > (found?.doctors ?? 3)) found = { date: day.date, id: a.id, doctors: day.doctors.length };
    }
    expect(found, 'a day with four doctors').toBeTruthy();
    // A smaller window with the detail panel open: the doctors no longer fit side by side.
    await page.setViewportSize({ width: 940, height: 768 });
    await booking.open();
    await booking.datePicker.fill(found!.date);
    await booking.expectDay(found!.date);
    await booking.block(found!.id).click();
    await expect(booking.panel).toBeVisible();
    const first = { id: found!.id };
    const scroller = booking.grid.locator('.grid__scroll');
    const block = booking.block(first.id);
    await block.scrollIntoViewIfNeeded();
    await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
    const lastColumn = booking.grid.locator('.doctor-col').last();
    const rightOfLast = async () => ((b) => b.x + b.width)((await lastColumn.boundingBox())!);
    const area = (await scroller.boundingBox())!;
    const start = (await block.boundingBox())!;
    expect(await rightOfLast()).toBeGreaterThan(area.x + area.width + 60); // out of view
    const y = start.y + Math.min(10, start.height / 2);
    await page.mouse.move(start.x + start.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 20, y, { steps: 3 });
    // Held at the right edge, the grid scrolls until the last doctor is in view.
    await page.mouse.move(area.x + area.width - 25, y, { steps: 4 });
    await expect.poll(rightOfLast).toBeLessThanOrEqual(area.x + area.width + 1);
    // The block follows the pointer into the last doctor's column, now in view.
    const target = (await lastColumn.boundingBox())!;
    await page.mouse.move(target.x + target.width / 2, y, { steps: 3 });
    await expect
      .poll(async () => {
        const b = (await block.boundingBox())!;
        return b.x >= target.x - 1 && b.x + b.width <= target.x + target.width + 1;
      })
      .toBe(true);
    await booking.screenshot(testInfo, 'drag-to-doctor-out-of-view');
    await page.mouse.up();
  });

  test('cancels with a required reason, and refuses checking in a visit days away', async ({ booking, host }) => {
    const { day, list } = await busyDay(host, addDaysIso(today, 2));
    const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
    await booking.open();
    await booking.datePicker.fill(day.date);
    await booking.expectDay(day.date);

    await booking.block(a.id).click();
    await expect(booking.panel).toBeVisible();
    const cancel = booking.statusButton('cancelled');
    await expect(cancel).toBeDisabled();
    await booking.panel.getByTestId('cancel-reason').fill('Patient called: flu');
    await cancel.click();
    await expect(booking.panelStatus).toContainText('Cancelled');
    const cancelled = await host.invoke('appointments.get', { id: a.id });
    expect(cancelled.cancelReason).toBe('Patient called: flu');

    // Two days ahead: too early to check in or to call it a no-show (drag.spec.ts words the refusals).
    await booking.block(b.id).click();
    const before = (await host.invoke('appointments.get', { id: b.id })).status;
    await booking.statusButton('arrived').click();
    await expect(booking.panel.getByTestId('status-error')).toHaveAttribute('data-code', 'status_too_early');
    expect((await host.invoke('appointments.get', { id: b.id })).status).toBe(before);
    const to = before === 'scheduled' ? 'confirmed' : 'scheduled';
    await booking.statusButton(to).click();
    expect((await host.invoke('appointments.get', { id: b.id })).status).toBe(to);
    await expect(booking.undoToast).toBeVisible();
    await booking.undoToast.getByTestId('undo-button').click();
    await expect.poll(async () => (await host.invoke('appointments.get', { id: b.id })).status).toBe(before);
  });

  test('books from a clicked empty time and shows an overlap before saving', async ({ booking, host }) => {
    const { day, doctorId, list } = await busyDay(host, addDaysIso(today, 4));
    const taken = list[0]!;
    // The clicked time is the start of another patient's booking: the dialog warns and Book is disabled.
    await host.invoke('patients.create', { firstName: 'Tomás', lastName: 'Solape Prueba', phone: '+34 677 555 111' });
    await booking.open();
    await booking.datePicker.fill(day.date);
    await booking.expectDay(day.date);
    const column = booking.grid.locator(`.doctor-col[data-doctor-id="${doctorId}"]`);
    const block = booking.block(taken.id);
    await block.scrollIntoViewIfNeeded(); // the day opens at 08:00; the booking may be later
    const blockBox = (await block.boundingBox())!;
    const colBox = (await column.boundingBox())!;
    // Blocks leave 3 px free at the column's right edge: click there, at the block's start time.
    await booking.page.mouse.click(colBox.x + colBox.width - 1.5, blockBox.y + 4);
    await expect(booking.dialog).toBeVisible();
    await booking.patientSearch.fill('Solape');
    await expect(booking.dialog.locator('[role="option"][data-patient-id]')).toHaveCount(1);
    await booking.patientSearch.press('Enter');
    await expect(booking.dialog.getByTestId('chosen-patient')).toContainText('Tomás Solape Prueba');
    await expect(booking.dialog.getByTestId('slot-not-free')).toBeVisible();
    // The warning disables Book, and Ctrl+Enter does not get round it.
    await expect(booking.saveButton).toBeDisabled();
    await booking.patientSearch.page().keyboard.press('Control+Enter');
    await expect(booking.dialog).toBeVisible();
    expect((await host.invoke('schedule.day', { date: day.date })).appointments.length).toBe(day.appointments.length);
  });
});

test.describe('availability', () => {
  test('shows a doctor’s week and books from "find next free"', async ({ booking, host }, testInfo) => {
    await booking.open();
    await booking.page.keyboard.press('Alt+2');
    const screen = booking.page.getByTestId('availability-screen');
    await expect(screen).toBeVisible();
    const week = screen.getByTestId('week-grid');
    await expect(week.locator('.week__band--free').first()).toBeVisible();
    await expect(week.locator('.week__col')).toHaveCount(7);
    const slot = screen.getByTestId('free-slot').first();
    await expect(slot).toBeVisible();
    await booking.screenshot(testInfo, 'availability-week');

    // Morning only: every offered slot starts before noon (clinic time).
    await screen.getByTestId('time-of-day').selectOption('morning');
    await expect.poll(async () => {
      const starts = await screen.getByTestId('free-slot').evaluateAll((els) => els.map((e) => e.getAttribute('data-starts-at')!));
      const info = await host.invoke('app.info', {});
      return starts.length > 0 && starts.every((s) => Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: info.clinic.timeZone }).format(new Date(s))) < 14);
    }).toBe(true);

    await screen.getByTestId('free-slot').first().click();
    await expect(booking.dialog).toBeVisible();
    await expect(booking.dialog.getByTestId('booking-summary')).not.toContainText('Pick a free time');
    await booking.page.keyboard.press('Escape');
    await expect(booking.dialog).toBeHidden();
  });

  test('searches patients, edits contact preferences and shows their appointments', async ({ booking, host }) => {
    const p = await host.invoke('patients.create', { firstName: 'Olga', lastName: 'Pantalla Prueba', phone: '+34 655 000 321' });
    await booking.open();
    await booking.screen('patients').click();
    const screen = booking.page.getByTestId('patients-screen');
    await screen.getByTestId('patients-search').fill('Pantalla');
    await screen.locator(`[data-patient-id="${p.id}"]`).click();
    const detail = screen.getByTestId('patient-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toContainText('Olga Pantalla Prueba');
    await detail.locator('select').selectOption('email');
    await detail.getByTestId('patient-save').click();
    await expect(detail.getByTestId('patient-error')).toContainText('email');
    await detail.locator('input[name="email"]').fill('olga@example.org');
    await detail.locator('input[type="checkbox"]').check();
    await detail.getByTestId('patient-save').click();
    await expect(detail.getByRole('status')).toContainText('Saved');
    const saved = await host.invoke('patients.get', { id: p.id });
    expect(saved).toMatchObject({ preferredChannel: 'email', email: 'olga@example.org', optOut: true });
  });
});
