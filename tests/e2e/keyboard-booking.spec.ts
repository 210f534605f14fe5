import type { Page } from '@playwright/test';
import { instantToLocalDate, instantToLocalMinute, isoWeekday, localMinuteToInstant, todayIn } from '../../shared/domain/clinic-time.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import { type Host, test as base, expect } from './fixtures.ts';
import { BookingPage } from './pages/booking-page.ts';

// Its own host (a manager, so the set-up may open a doctor's day when the clinic is closed now);
// the extra --no-open only makes these host flags differ from other spec files'.
base.use({ hostArgs: ['--acting-staff', 'manager@demo.clinic', '--no-open'] });

const test = base.extend<{ booking: BookingPage }>({
  booking: async ({ page, host }, use) => {
    await use(new BookingPage(page, host));
  },
});

/** "dd/mm/yyyy": how the en-GB and es-ES desks write a date. */
const typed = (iso: string) => iso.split('-').reverse().join('/');

/** The page's clock (the fixtures keep it on the host's): "now" for the desk. */
const pageNow = (page: Page) => page.evaluate(() => Date.now());

/**
 * An appointment that can be checked in now: it starts within the next hour (or has started and
 * not ended). Found by booking through the host at times near now; when no doctor works now (a
 * night, a Sunday, a holiday), one doctor's day is opened first, closures and vacations removed.
 */
async function bookNearNow(host: Host, nowMs: number, patientId: string): Promise<AppointmentDetail> {
  const { timeZone } = (await host.invoke('app.info', {})).clinic;
  const settings = await host.invoke('availability.settings', {});
  const type = settings.appointmentTypes.filter((t) => t.active).sort((a, b) => a.durationMinutes - b.durationMinutes)[0]!;
  const doctors = settings.doctors.filter((d) => d.active);
  const date = todayIn(timeZone, new Date(nowMs));
  const minute = instantToLocalMinute(new Date(nowMs).toISOString(), timeZone);
  const attempt = async (doctorIds: string[]) => {
    for (const doctorId of doctorIds) {
      const minutes = settings.durationOverrides.find((o) => o.doctorId === doctorId && o.appointmentTypeId === type.id)?.durationMinutes ?? type.durationMinutes;
      const ahead = Math.ceil((minute + 2) / 5) * 5;
      // Soon after now first, then one under way (ends after now, e.g. at 23:50).
      const starts = [...Array(11).keys()].map((i) => ahead + i * 5);
      for (let m = ahead - 5; m > minute - minutes + 2; m -= 5) starts.push(m);
      for (const m of starts) {
        if (m < 0 || m + minutes > 1440) continue;
        try {
          return await host.invoke('appointments.book', {
            patientId,
            doctorId,
            appointmentTypeId: type.id,
            startsAt: localMinuteToInstant(date, m, timeZone),
            idempotencyKey: uuidv7(),
          });
        } catch {
          // Outside hours, a break, a closure or taken: the next time.
        }
      }
    }
    return null;
  };
  const found = await attempt(doctors.map((d) => d.id));
  if (found) return found;
  const doctor = doctors[0]!;
  const weekday = isoWeekday(date);
  const schedule = await host.invoke('availability.doctorSchedule', { doctorId: doctor.id });
  await host.invoke('availability.saveWeek', {
    doctorId: doctor.id,
    hours: [
      ...schedule.hours.filter((h) => h.weekday !== weekday).map((h) => ({ id: h.id, weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute, roomId: h.roomId })),
      { weekday, startMinute: 0, endMinute: 1440, roomId: null },
    ],
    breaks: schedule.breaks.filter((b) => b.weekday !== weekday).map((b) => ({ id: b.id, weekday: b.weekday, startMinute: b.startMinute, endMinute: b.endMinute, label: b.label })),
    confirmOrphans: true,
  });
  const covers = (p: { startsAt: string; endsAt: string }) => Date.parse(p.startsAt) < nowMs + 3_600_000 && Date.parse(p.endsAt) > nowMs - 3_600_000;
  for (const v of schedule.vacations.filter(covers)) await host.invoke('availability.removeVacation', { id: v.id });
  for (const b of settings.blocked.filter(covers)) await host.invoke('availability.removeBlocked', { id: b.id });
  const opened = await attempt([doctor.id]);
  if (!opened) throw new Error(`no time near ${new Date(nowMs).toISOString()} could be booked, even with the day opened`);
  return opened;
}

/** Tab (only the keyboard) until the focus is on `selector`; the count is bounded. */
async function tabTo(page: Page, selector: string, max = 800): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** ↓ in the appointment panel until the focus is on `selector`. */
async function arrowTo(page: Page, selector: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('ArrowDown');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`ArrowDown never reached ${selector}`);
}

const focusedSlot = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.startsAt ?? null);

test.describe('keyboard only', () => {
  test('books, reschedules and checks in without the mouse', async ({ booking, host, page }, testInfo) => {
    const suffix = String(Date.now()).slice(-5);
    const mover = await host.invoke('patients.create', { firstName: 'Teclado', lastName: `Movido${suffix}`, phone: '+34 611 000 111', birthDate: '1988-08-20' });
    const arriving = await host.invoke('patients.create', { firstName: 'Teclado', lastName: `Llega${suffix}`, phone: '+34 611 000 222' });

    await booking.open();
    const near = await bookNearNow(host, await pageNow(page), arriving.id);
    const { timeZone } = (await host.invoke('app.info', {})).clinic;

    // 1. Book: N, type the name, Enter picks the patient and the keyboard moves to the free times.
    await booking.openBookingByKey();
    await expect(booking.patientSearch).toBeFocused();
    await page.keyboard.type(`Movido${suffix}`);
    const match = booking.dialog.locator(`[role="option"][data-patient-id="${mover.id}"]`);
    await expect(match).toHaveAttribute('aria-selected', 'true');
    await expect(match).toContainText('born 20 Aug 1988');
    await page.keyboard.press('Enter');
    await expect(booking.dialog.getByTestId('chosen-patient')).toContainText(/born 20 Aug 1988 \(\d+ years\)/);
    await expect(booking.freeSlots.first()).toBeFocused();

    // Arrows move in the list (one slot in the Tab order); Home/End jump; Enter picks.
    const first = await focusedSlot(page);
    await page.keyboard.press('ArrowDown');
    const second = await focusedSlot(page);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await expect(booking.freeSlots.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(booking.freeSlots.first()).toHaveAttribute('tabindex', '-1');
    await page.keyboard.press('End');
    await expect(booking.freeSlots.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(booking.freeSlots.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(booking.freeSlots.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(booking.saveButton).toBeFocused();
    await booking.screenshot(testInfo, 'keyboard-booking-en');
    await page.keyboard.press('Enter');
    await expect(booking.dialog).toBeHidden();

    const booked = (await host.invoke('schedule.day', { date: instantToLocalDate(second!, timeZone) })).appointments.find(
      (a) => a.patientId === mover.id && a.startsAt === second,
    );
    expect(booked).toBeDefined();
    // Focus went to the booking's details, not to <body>.
    await expect(booking.panel).toBeVisible();
    await expect(booking.panel.locator('#panel-title')).toBeFocused();
    await expect(booking.panel.locator('#panel-title')).toContainText(`Movido${suffix}`);

    // 2. Reschedule: ↓ through the panel's actions to "Change time…", Enter; the list has the keyboard.
    await arrowTo(page, '[data-testid="reschedule"]');
    await page.keyboard.press('Enter');
    await expect(booking.dialog).toBeVisible();
    await expect(booking.freeSlots.first()).toBeFocused();
    // A different time than the booked one (its own time is free to it, so it is in the list).
    let target = await focusedSlot(page);
    for (let i = 0; i < 12 && (target === null || target === second); i++) {
      await page.keyboard.press('ArrowDown');
      target = await focusedSlot(page);
    }
    expect(target).not.toBeNull();
    expect(target).not.toBe(second);
    await page.keyboard.press('Enter');
    await expect(booking.saveButton).toBeFocused();

    // Escape with a choice made asks first; Escape again (or Keep editing) keeps it.
    await page.keyboard.press('Escape');
    const confirm = booking.dialog.getByTestId('discard-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId('discard-keep')).toBeFocused();
    await booking.screenshot(testInfo, 'keyboard-discard-confirm-en');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(booking.dialog).toBeVisible();
    await expect(booking.saveButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(booking.dialog).toBeHidden();
    await expect.poll(async () => (await host.invoke('appointments.get', { id: booked!.id })).startsAt).toBe(target);
    await expect(booking.panel).toContainText(`Movido${suffix}`);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="appointment-panel"]') !== null)).toBe(true);

    // 3. Check in the one starting about now: G, type its day, Enter; Tab to it, Enter, ↓ to Arrived.
    await page.keyboard.press('Escape');
    await expect(booking.panel).toBeHidden();
    const nearDay = instantToLocalDate(near.startsAt, timeZone);
    await page.keyboard.press('Control+g');
    await expect(booking.datePicker).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(typed(nearDay));
    await page.keyboard.press('Enter');
    await booking.expectDay(nearDay);
    await tabTo(page, `[data-appointment-id="${near.id}"]`);
    await page.keyboard.press('Enter');
    await expect(booking.panel.locator('#panel-title')).toBeFocused();
    await arrowTo(page, 'button[data-status="arrived"]');
    await page.keyboard.press('Enter');
    await expect(booking.panelStatus).toHaveText(/Arrived/);
    expect((await host.invoke('appointments.get', { id: near.id })).status).toBe('arrived');
    await booking.screenshot(testInfo, 'keyboard-checked-in-en');
  });

  test('Escape after typing a name asks before the booking is dropped; nothing typed, it just closes', async ({ booking, page }) => {
    await booking.open();
    await booking.openBookingByKey();
    await page.keyboard.press('Escape');
    await expect(booking.dialog).toBeHidden();

    await booking.openBookingByKey();
    await page.keyboard.type('Garc');
    await page.keyboard.press('Escape');
    const confirm = booking.dialog.getByTestId('discard-confirm');
    await expect(confirm).toBeVisible();
    await expect(booking.patientSearch).toHaveValue('Garc');
    // Tab stays between the two buttons; Enter on Discard closes.
    await page.keyboard.press('Tab');
    await expect(confirm.getByTestId('discard-yes')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirm.getByTestId('discard-keep')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(booking.dialog).toBeHidden();
  });

  test('the booking dialog searches from the day on screen, not from today', async ({ booking, page }) => {
    await booking.open();
    const today = await booking.shownIsoDate();
    await booking.pressOnPage('ArrowRight');
    await booking.pressOnPage('ArrowRight');
    await expect(booking.shownDate).not.toHaveAttribute('data-date', today);
    const shown = await booking.shownIsoDate();
    await booking.openBookingByKey();
    await expect(booking.dialog.getByTestId('from-date')).toHaveValue(typed(shown));
    await page.keyboard.press('Escape');
    await expect(booking.dialog).toBeHidden();
  });
});

test.describe('dates in the desk language', () => {
  const words = {
    en: { lang: 'en', placeholder: 'dd/mm/yyyy', noSuchDay: 'There is no such day as 31/02/2027.', born: 'born 20 Aug 1988', years: 'years', badTime: 'A time of day runs from 00:00 to 23:59.' },
    es: { lang: 'es', placeholder: 'dd/mm/aaaa', noSuchDay: 'No existe el día 31/02/2027.', born: 'nac. 20 ago 1988', years: 'años', badTime: 'La hora va de 00:00 a 23:59.' },
  } as const;

  for (const language of ['en', 'es'] as const) {
    test(`reads and shows dd/mm in ${language}, birth dates with year and age, 24-hour times`, async ({ booking, host, page }, testInfo) => {
      const w = words[language];
      const suffix = String(Date.now()).slice(-5);
      const p = await host.invoke('patients.create', { firstName: 'Fecha', lastName: `Nacida${suffix}`, phone: `+34 622 ${language === 'en' ? 1 : 2}${suffix}`, birthDate: '1988-08-20' });
      await host.invoke('settings.setLanguage', { language });
      try {
        await booking.open();
        await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
        const today = await booking.shownIsoDate();

        // The schedule's date: the desk's order; an impossible day says why and changes nothing.
        await expect(booking.datePicker).toHaveValue(typed(today));
        await expect(booking.datePicker).toHaveAttribute('placeholder', w.placeholder);
        await booking.datePicker.fill('31/02/2027');
        await booking.datePicker.press('Tab');
        await expect(page.getByTestId('date-field-error')).toHaveText(w.noSuchDay);
        await expect(booking.shownDate).toHaveAttribute('data-date', today);
        await booking.screenshot(testInfo, `date-field-error-${language}`);
        // 10/12 is the 10th of December: day first.
        const year = Number(today.slice(0, 4)) + 1;
        await booking.datePicker.fill(`10/12/${year}`);
        await booking.expectDay(`${year}-12-10`);
        await booking.datePicker.fill(typed(today));
        await booking.expectDay(today);

        // The picker and the chosen line show the birth year and the age.
        await booking.openBookingByKey();
        await page.keyboard.type(`Nacida${suffix}`);
        const match = booking.dialog.locator(`[role="option"][data-patient-id="${p.id}"]`);
        await expect(match).toContainText(w.born);
        await expect(match).toContainText(w.years);
        await booking.screenshot(testInfo, `patient-picker-birth-${language}`);
        await page.keyboard.press('Enter');
        await expect(booking.dialog.getByTestId('chosen-patient')).toContainText(w.born);
        await expect(booking.dialog.getByTestId('from-date')).toHaveValue(typed(today));
        await booking.screenshot(testInfo, `booking-chosen-birth-${language}`);
        await page.keyboard.press('Escape');
        await expect(booking.dialog.getByTestId('discard-confirm')).toBeVisible();
        await booking.screenshot(testInfo, `discard-confirm-${language}`);
        await booking.dialog.getByTestId('discard-yes').press('Enter');
        await expect(booking.dialog).toBeHidden();

        // The patient's card: the birth date field in the desk's order.
        await booking.screen('patients').press('Enter');
        await page.getByTestId('patients-search').fill(`Nacida${suffix}`);
        await page.locator(`.patients__item[data-patient-id="${p.id}"]`).press('Enter');
        await expect(page.locator('input[name="birthDate"]')).toHaveValue('20/08/1988');
        await expect(page.locator(`.patients__item[data-patient-id="${p.id}"]`)).toContainText(w.born);
        await booking.screenshot(testInfo, `patient-birth-date-${language}`);

        // A closure's times: 24-hour, and an hour that does not exist says so.
        await booking.screen('availability').press('Enter');
        await page.getByTestId('edit-availability').press('Enter');
        await page.getByTestId('editor-tab-hours').focus();
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        const closures = page.getByTestId('closures-editor');
        await expect(closures).toBeVisible();
        await closures.locator('input[name="from"]').fill(typed(today));
        const fromTime = closures.locator('input[name="fromTime"]');
        await fromTime.fill('25:00');
        await fromTime.press('Tab');
        await expect(closures.getByTestId('time-field-error')).toHaveText(w.badTime);
        await booking.screenshot(testInfo, `closure-time-error-${language}`);

        // The audit filters (dates in the same order).
        await booking.screen('audit').press('Enter');
        await expect(page.getByTestId('audit-from')).toHaveAttribute('placeholder', w.placeholder);
        await booking.screenshot(testInfo, `audit-dates-${language}`);
      } finally {
        await host.invoke('settings.setLanguage', { language: 'en' });
      }
    });
  }
});

test('the "this time is not free" warning disables Book', async ({ booking, host, page }, testInfo) => {
  const suffix = String(Date.now()).slice(-5);
  const p = await host.invoke('patients.create', { firstName: 'Libre', lastName: `Ocupado${suffix}`, phone: `+34 633 0${suffix}` });
  const other = await host.invoke('patients.create', { firstName: 'Otra', lastName: `Desk${suffix}`, phone: `+34 644 0${suffix}` });
  await booking.open();
  await booking.screen('availability').press('Enter');
  const finder = page.getByTestId('availability-screen').getByTestId('free-slot-finder');
  const slot = finder.getByTestId('free-slot').first();
  await expect(slot).toBeVisible();
  const startsAt = (await slot.getAttribute('data-starts-at'))!;
  const doctorId = (await slot.getAttribute('data-doctor-id'))!;
  const typeId = await finder.getByTestId('type-select').inputValue();
  await slot.press('Enter');
  await expect(booking.dialog).toBeVisible();
  await page.keyboard.type(`Ocupado${suffix}`);
  await expect(booking.dialog.locator(`[role="option"][data-patient-id="${p.id}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(booking.saveButton).toBeEnabled();
  // Another desk takes the time meanwhile: the dialog says so and Book cannot be pressed.
  await host.invoke('appointments.book', { patientId: other.id, doctorId, appointmentTypeId: typeId, startsAt, idempotencyKey: uuidv7() });
  await expect(booking.dialog.getByTestId('slot-not-free')).toBeVisible();
  await expect(booking.saveButton).toBeDisabled();
  await booking.screenshot(testInfo, 'booking-not-free-en');
});
