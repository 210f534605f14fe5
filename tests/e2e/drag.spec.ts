import type { Locator, Page } from '@playwright/test';
import { addDaysIso, instantToLocalMinute, localMinuteToInstant, todayIn } from '../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../shared/domain/types.ts';
import { test as base, expect, type Host } from './fixtures.ts';
import { BookingPage } from './pages/booking-page.ts';

/**
 * On the day grid, a drag says where it lands (and what is in the way) while it moves,
 * never lands past the grid's end and asks when it lands elsewhere than under the pointer; the
 * clock decides when a visit may be checked in or called a no-show, and a no-show is asked first.
 * Every test finds its data through the command API (never a shape of "today") and drags in
 * steps inside the window (FACTS.md "Drag tests").
 */
const test = base.extend<{ booking: BookingPage }>({
  booking: async ({ page, host }, use) => {
    await use(new BookingPage(page, host));
  },
});

const PX_PER_MINUTE = 1.6;
const MOVABLE = new Set(['scheduled', 'confirmed']);

interface Pick {
  day: DaySchedule;
  appointment: DayAppointment;
}

/** The first later day (from tomorrow) with a movable appointment matching `fits`. */
async function findDay(host: Host, from: string, fits: (a: DayAppointment, day: DaySchedule) => boolean): Promise<Pick> {
  for (let i = 1; i <= 21; i++) {
    const day = await host.invoke('schedule.day', { date: addDaysIso(from, i) });
    const appointment = day.appointments.find((a) => MOVABLE.has(a.status) && fits(a, day));
    if (appointment) return { day, appointment };
  }
  throw new Error('no day with a fitting movable appointment in three weeks');
}

const minuteOf = (instant: string, day: DaySchedule) => instantToLocalMinute(instant, day.clinic.timeZone);
const NEAR_MINUTES = 120;

/** The grid's last minute, as the grid computes it: the latest working hour or visit, to the hour. */
function gridEndOf(day: DaySchedule): number {
  const ends = [...day.doctors.flatMap((d) => d.hours), ...day.appointments].map((r) => {
    const m = minuteOf(r.endsAt, day);
    return m === 0 ? 24 * 60 : m;
  });
  return Math.min(24 * 60, Math.ceil(Math.max(...ends) / 60) * 60);
}

/** A movable visit, the next live visit of its doctor and a free slot for it, both near it. */
async function findDrag(host: Host, from: string) {
  for (let i = 1; i <= 21; i++) {
    const day = await host.invoke('schedule.day', { date: addDaysIso(from, i) });
    for (const a of day.appointments) {
      if (!MOVABLE.has(a.status) || !a.typeId) continue;
      const start = minuteOf(a.startsAt, day);
      const other = day.appointments
        .filter((o) => o.id !== a.id && o.doctorId === a.doctorId && MOVABLE.has(o.status) && o.startsAt > a.startsAt)
        .sort((x, y) => x.startsAt.localeCompare(y.startsAt))[0];
      if (!other || minuteOf(other.startsAt, day) - start > NEAR_MINUTES) continue;
      const free = await host.invoke('availability.findFree', {
        doctorId: a.doctorId,
        appointmentTypeId: a.typeId,
        fromDate: day.date,
        toDate: day.date,
        excludeAppointmentId: a.id,
        limit: 100,
      });
      const target = free.slots.find(
        (s) => s.startsAt !== a.startsAt && s.roomId === a.roomId && Math.abs(minuteOf(s.startsAt, day) - start) <= NEAR_MINUTES,
      );
      if (target) return { day, appointment: a, other, target };
    }
  }
  throw new Error('no movable visit with a neighbour and a free slot near it in three weeks');
}
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Presses the mouse on a block (near its top) and returns where. */
async function grab(page: Page, block: Locator): Promise<{ x: number; y: number }> {
  const box = (await block.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + Math.min(10, box.height / 2) };
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  return at;
}

/** Moves the pressed pointer to (x, y) in small steps, never leaving the window. */
async function stepTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const steps = Math.max(4, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 40));
  await page.mouse.move(to.x, to.y, { steps });
}

/** Lets the page draw `n` frames (the edge-scroll runs once a frame). */
async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) => new Promise<void>((resolve) => {
      let left = count;
      const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }),
    n,
  );
}

const DRAG_WORDS = {
  en: { overlaps: 'overlaps', fitted: 'moved to fit the schedule' },
  es: { overlaps: 'coincide con', fitted: 'ajustada a la agenda' },
} as const;

for (const language of ['en', 'es'] as const) test.describe(`drag on the day schedule (${language})`, () => {
  let today = '';
  const words = DRAG_WORDS[language];
  test.beforeEach(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone);
    await host.invoke('settings.setLanguage', { language });
  });
  test.afterEach(async ({ host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
  });

  test('shows the landing time and a conflict while it moves, and saves the time under the pointer', async ({ booking, host, page }, testInfo) => {
    // An appointment with another live visit of its doctor soon after, and a free slot near it:
    // both within two hours, so the pointer stays inside the window (no edge-scroll).
    const found = await findDrag(host, today);
    const { day, appointment: a, other, target } = found;
    const start = minuteOf(a.startsAt, day);
    const length = minuteOf(a.endsAt, day) - start;
    const targetMinute = minuteOf(target.startsAt, day);

    await booking.open();
    await booking.datePicker.fill(day.date);
    await booking.expectDay(day.date);
    const block = booking.block(a.id);
    await block.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const at = await grab(page, block);

    // Over the other visit: the label names it before anything is dropped.
    const overDy = (minuteOf(other.startsAt, day) - start) * PX_PER_MINUTE;
    await stepTo(page, at, { x: at.x, y: at.y + overDy });
    const label = block.getByTestId('drag-label');
    await expect(block).toHaveAttribute('data-drag-conflict', 'overlap');
    await expect(label).toContainText(`${words.overlaps} ${other.patientName}`);
    await booking.screenshot(testInfo, `drag-conflict-${language}`);

    // Over the free time: the label says the time it lands on, and no conflict.
    const dy = (targetMinute - start) * PX_PER_MINUTE;
    await stepTo(page, { x: at.x, y: at.y + overDy }, { x: at.x, y: at.y + dy });
    await expect(block).toHaveAttribute('data-drag-minute', String(targetMinute));
    await expect(block).not.toHaveAttribute('data-drag-conflict', /.+/);
    await expect(label).toHaveText(`${hhmm(targetMinute)}–${hhmm(targetMinute + length)}`);
    await booking.screenshot(testInfo, `drag-landing-${language}`);
    await page.mouse.up();

    // Saved at the time that was under the pointer, without a question.
    await expect.poll(async () => (await host.invoke('appointments.get', { id: a.id })).startsAt).toBe(target.startsAt);
    await expect(page.getByTestId('drop-confirm')).toHaveCount(0);
  });

  test('stops the edge-scroll at the grid end, keeps the visit inside the day and asks before moving it there', async ({ booking, host, page }, testInfo) => {
    // The last movable visit of its doctor, late enough to be in view with the grid at its end.
    const { day, appointment: a } = await findDay(
      host,
      today,
      (x, d) =>
        !d.appointments.some((o) => o.doctorId === x.doctorId && MOVABLE.has(o.status) && o.startsAt > x.startsAt) &&
        gridEndOf(d) - minuteOf(x.startsAt, d) <= 180,
    );
    const gridEnd = gridEndOf(day);
    const length = minuteOf(a.endsAt, day) - minuteOf(a.startsAt, day);
    await booking.open();
    await booking.datePicker.fill(day.date);
    await booking.expectDay(day.date);
    const scroller = booking.grid.locator('.grid__scroll');
    const maxTop = () =>
      scroller.evaluate((el) => {
        const body = el.querySelector<HTMLElement>('.grid__body')!.getBoundingClientRect();
        return body.bottom - el.getBoundingClientRect().top + el.scrollTop - el.clientHeight;
      });
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const block = booking.block(a.id);
    await expect(block).toBeInViewport();
    const scrollBox = (await scroller.boundingBox())!;

    // Down to the window's bottom edge and held there: the grid is at its end and stays there.
    const at = await grab(page, block);
    const bottom = { x: at.x, y: scrollBox.y + scrollBox.height - 4 };
    await stepTo(page, at, bottom);
    await frames(page, 40);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeLessThanOrEqual((await maxTop()) + 1);
    // Even with the pointer far below the window (where the old grid kept scrolling, the block
    // growing the scroll area as it went): the grid stays at its end.
    const below = { x: at.x, y: page.viewportSize()!.height + 200 };
    await stepTo(page, bottom, below);
    await frames(page, 60);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeLessThanOrEqual((await maxTop()) + 1);
    await stepTo(page, below, bottom);

    // The block stays inside the grid: it lands so the whole visit ends by the grid's last minute.
    await expect(block).toHaveAttribute('data-drag-fitted', 'true');
    const minute = Number(await block.getAttribute('data-drag-minute'));
    expect(minute + length).toBeLessThanOrEqual(gridEnd);
    await expect(block.getByTestId('drag-label')).toContainText(words.fitted);
    await page.mouse.up();

    // Dropped elsewhere than under the pointer: asked, with the new time; a stray Enter keeps it.
    const ask = page.getByTestId('drop-confirm');
    await expect(ask).toBeVisible();
    await expect(ask).toContainText(`${hhmm(minute)}–${hhmm(minute + length)}`);
    await booking.screenshot(testInfo, `drag-fit-confirm-${language}`);
    await page.keyboard.press('Enter');
    await expect(ask).toBeHidden();
    expect((await host.invoke('appointments.get', { id: a.id })).startsAt).toBe(a.startsAt);

    // Asked again and confirmed: the command gets the time shown, never one past the grid's end.
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const again = await grab(page, block);
    await stepTo(page, again, bottom);
    await page.mouse.up();
    await expect(ask).toBeVisible();
    await ask.getByTestId('confirm-ok').click();
    await expect(ask).toBeHidden();
    const shown = localMinuteToInstant(day.date, minute, day.clinic.timeZone);
    // Saved at the time shown, or refused by the command (e.g. past the doctor's hours) and left alone.
    await expect
      .poll(async () => {
        const now = await host.invoke('appointments.get', { id: a.id });
        if (now.startsAt === shown) return 'moved';
        return (await booking.moveError.count()) > 0 && now.startsAt === a.startsAt ? 'refused' : 'pending';
      })
      .not.toBe('pending');
    const after = await host.invoke('appointments.get', { id: a.id });
    expect(minuteOf(after.endsAt, day) === 0 ? 24 * 60 : minuteOf(after.endsAt, day)).toBeLessThanOrEqual(gridEnd);
  });
});

test.describe('statuses that follow the clock', () => {
  let today = '';
  test.beforeEach(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone);
  });
  test.afterEach(async ({ host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
  });

  for (const language of ['en', 'es'] as const) {
    test(`refuses checking in a visit days away and asks before a no-show (${language})`, async ({ booking, host, page }, testInfo) => {
      await host.invoke('settings.setLanguage', { language });
      // Two days ahead at least: whatever the hour, too early to check in or to call it a no-show.
      const { day, appointment: a } = await findDay(host, addDaysIso(today, 1), () => true);
      const words =
        language === 'en'
          ? { early: 'Too early to check in', noShowTitle: 'Mark as no-show?', notYet: 'Not a no-show yet' }
          : { early: 'Demasiado pronto para registrar la llegada', noShowTitle: '¿Marcar como no presentado?', notYet: 'Aún no es una ausencia' };
      const earliest = hhmm(minuteOf(new Date(Date.parse(a.startsAt) - 60 * 60_000).toISOString(), day));

      await booking.open();
      await booking.datePicker.fill(day.date);
      await booking.expectDay(day.date);
      await booking.block(a.id).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await booking.block(a.id).click();
      await expect(booking.panel).toBeVisible();

      await booking.statusButton('arrived').click();
      const error = booking.panel.getByTestId('status-error');
      await expect(error).toHaveAttribute('data-code', 'status_too_early');
      await expect(error).toContainText(words.early);
      await expect(error).toContainText(earliest);
      expect((await host.invoke('appointments.get', { id: a.id })).status).toBe(a.status);
      await error.scrollIntoViewIfNeeded();
      await booking.screenshot(testInfo, `status-too-early-${language}`);

      // Mark no-show: asked first; focus is on keeping it, so a stray Enter or Esc changes nothing.
      await booking.statusButton('no_show').click();
      const ask = page.getByTestId('no-show-confirm');
      await expect(ask).toBeVisible();
      await expect(ask).toContainText(words.noShowTitle);
      await expect(ask.getByTestId('confirm-keep')).toBeFocused();
      await booking.screenshot(testInfo, `no-show-confirm-${language}`);
      await page.keyboard.press('Enter');
      await expect(ask).toBeHidden();
      await expect(booking.panel).toBeVisible();
      await booking.statusButton('no_show').click();
      await expect(ask).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(ask).toBeHidden();
      await expect(booking.panel).toBeVisible();
      expect((await host.invoke('appointments.get', { id: a.id })).status).toBe(a.status);

      // Confirmed: the command is asked, and the clock refuses it for a visit not yet started.
      await booking.statusButton('no_show').click();
      await ask.getByTestId('confirm-ok').click();
      await expect(error).toHaveAttribute('data-code', 'no_show_too_early');
      await expect(error).toContainText(words.notYet);
      expect((await host.invoke('appointments.get', { id: a.id })).status).toBe(a.status);
    });
  }
});
