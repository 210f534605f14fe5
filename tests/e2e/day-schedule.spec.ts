import { format } from 'date-fns';
import { enGB, es } from 'date-fns/locale';
import { addDaysIso, todayIn, type IsoDate } from '../../shared/domain/clinic-time.ts';
import { expect, test } from './fixtures.ts';

function words(date: IsoDate, language: 'en' | 'es'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d);
  return language === 'en'
    ? format(local, 'EEEE, d MMMM yyyy', { locale: enGB })
    : format(local, "EEEE, d 'de' MMMM 'de' yyyy", { locale: es });
}

const ACTIVE = ['scheduled', 'confirmed'];

test.describe('day schedule', () => {
  let today: IsoDate;

  test.beforeAll(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone, new Date(info.now));
    if (info.language !== 'en') await host.invoke('settings.setLanguage', { language: 'en' });
  });

  test('opens on today with the demo clinic, its doctors and appointments', async ({ schedule, host }, testInfo) => {
    await schedule.open();
    await schedule.expectDay(today);
    const info = await host.invoke('app.info', {});
    await expect(schedule.clinicName).toHaveText(info.clinic.name);
    await expect(schedule.shownDate).toHaveText(words(today, 'en'));
    await expect(schedule.syncStatus).toContainText('Local only — not synced');
    // The token leaves the address bar once the page has it.
    expect(new URL(schedule.page.url()).searchParams.has('token')).toBe(false);

    // Today may be a Sunday or a holiday: the doctors and bookings of the first booked day from here.
    await schedule.goToDayWith(ACTIVE);
    const day = await host.invoke('schedule.day', { date: await schedule.shownIsoDate() });
    await expect(schedule.grid.locator('.doctor-head')).toHaveCount(day.doctors.length);
    await expect(schedule.appointments).toHaveCount(day.appointments.length);
    await schedule.screenshot(testInfo, 'day-schedule-en');
  });

  test('starts straight on the desk, without a loading frame between the gates', async ({ schedule, page }) => {
    // Notes every "Loading…" screen that is ever put in the page, from its first script on.
    await page.addInitScript(`(() => {
      window.__bootScreens = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && (n.matches('.boot') || n.querySelector('.boot'))) window.__bootScreens++;
      }).observe(document, { childList: true, subtree: true });
    })()`);
    await schedule.open();
    await schedule.expectDay(today);
    expect(await page.evaluate(() => (window as unknown as { __bootScreens: number }).__bootScreens)).toBe(0);
  });

  test('moves between days with the keyboard', async ({ schedule }) => {
    await schedule.open();
    await schedule.expectDay(today);

    await schedule.pressOnPage('ArrowRight');
    await schedule.expectDay(addDaysIso(today, 1));
    await expect(schedule.shownDate).toHaveText(words(addDaysIso(today, 1), 'en'));

    await schedule.pressOnPage('PageUp');
    await schedule.pressOnPage('ArrowLeft');
    await schedule.expectDay(addDaysIso(today, -1));

    await schedule.pressOnPage('PageDown');
    await schedule.pressOnPage('PageDown');
    await schedule.expectDay(addDaysIso(today, 1));

    await schedule.pressOnPage('t');
    await schedule.expectDay(today);

    await schedule.pressOnPage('g');
    await expect(schedule.datePicker).toBeFocused();
    await schedule.datePicker.fill(addDaysIso(today, 7));
    await schedule.expectDay(addDaysIso(today, 7));
  });

  test('opens an appointment by click and by Enter and changes its status', async ({ schedule, host }, testInfo) => {
    await schedule.open();
    const block = await schedule.goToDayWith(ACTIVE);
    const id = (await block.getAttribute('data-appointment-id'))!;
    const detail = await host.invoke('appointments.get', { id });

    await block.click();
    await expect(schedule.panel).toBeVisible();
    await expect(schedule.panel.getByRole('heading', { level: 2 })).toHaveText(detail.patientName);
    await expect(schedule.panel).toContainText(detail.doctorName);
    await expect(schedule.panelStatus).toContainText(detail.status === 'scheduled' ? 'Scheduled' : 'Confirmed');

    await schedule.page.keyboard.press('Escape');
    await expect(schedule.panel).toBeHidden();
    const sameBlock = schedule.grid.locator(`[data-appointment-id="${id}"]`);
    await expect(sameBlock).toBeFocused();

    await schedule.page.keyboard.press('Enter');
    await expect(schedule.panel).toBeVisible();
    await schedule.screenshot(testInfo, 'appointment-panel-en');

    // A change the clock never forbids (check-in opens only shortly before the start: drag.spec.ts).
    const [to, label, next] = detail.status === 'scheduled' ? (['confirmed', 'Confirmed', 'scheduled'] as const) : (['scheduled', 'Scheduled', 'confirmed'] as const);
    await schedule.statusButton(to).click();
    await expect(schedule.panelStatus).toContainText(label);
    await expect(sameBlock).toHaveAttribute('data-status', to);
    expect((await host.invoke('appointments.get', { id })).status).toBe(to);
    // The next allowed steps follow the new status.
    await expect(schedule.statusButton(next)).toBeVisible();
    await expect(schedule.statusButton(to)).toHaveCount(0);
  });

  test('moves between appointment blocks with the arrow keys', async ({ schedule }) => {
    await schedule.open();
    await schedule.goToDayWith(ACTIVE);
    const date = await schedule.shownIsoDate();
    const column = schedule.grid.locator('.doctor-col').filter({ has: schedule.page.locator('[data-appointment-id] + [data-appointment-id]') }).first();
    const blocks = column.locator('[data-appointment-id]');
    await blocks.first().focus();
    await schedule.page.keyboard.press('ArrowDown');
    await expect(blocks.nth(1)).toBeFocused();
    await schedule.page.keyboard.press('ArrowUp');
    await expect(blocks.first()).toBeFocused();
    // Arrow keys on a block move focus, not the day.
    await expect(schedule.shownDate).toHaveAttribute('data-date', date);
  });

  test('scrolls the doctors sideways when they do not fit and the arrow keys reach a column out of view', async ({ schedule, host }, testInfo) => {
    // A small window with the detail panel open leaves the grid less room than the demo's
    // doctors need at their narrowest: the last one is (partly) out of view. Not every doctor
    // works every weekday: the day of the coming week with the most booked doctors is used.
    let offset = 0;
    let most = -1;
    for (let i = 0; i < 7; i++) {
      const day = await host.invoke('schedule.day', { date: addDaysIso(today, i) });
      const booked = new Set(day.appointments.map((a) => a.doctorId)).size;
      if (booked > most) [offset, most] = [i, booked];
    }
    await schedule.page.setViewportSize({ width: 940, height: 768 });
    await schedule.open();
    await schedule.expectDay(today);
    for (let i = 1; i <= offset; i++) {
      await schedule.pressOnPage('ArrowRight');
      await schedule.expectDay(addDaysIso(today, i));
    }
    const scroller = schedule.grid.locator('.grid__scroll');
    const booked = schedule.grid.locator('.doctor-col').filter({ has: schedule.page.locator('[data-appointment-id]') });
    expect(await booked.count()).toBeGreaterThan(1);
    const start = booked.first().locator('[data-appointment-id]').first();
    await start.click();
    await expect(schedule.panel).toBeVisible();
    await start.focus();
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const last = booked.last();
    const lastId = await last.getAttribute('data-doctor-id');
    const right = async (l: typeof last) => ((b) => b.x + b.width)((await l.boundingBox())!);
    expect(await right(last)).toBeGreaterThan(await right(scroller));

    for (let i = 0; i < 50; i++) {
      const column = await schedule.page.evaluate(() => document.activeElement?.closest('.doctor-col')?.getAttribute('data-doctor-id'));
      if (column === lastId) break;
      await schedule.page.keyboard.press('ArrowRight');
    }
    const focused = last.locator('[data-appointment-id]:focus');
    // Scrolled into view right of the time axis. (Not "wholly in view": headless Chromium hides
    // scrollbars yet keeps the stable gutter, so the scroll range ends 15 px short of the last
    // column, and a narrow block in its right lane can be cut by that.)
    const shown = async () => {
      const [b, view, axis] = await Promise.all([focused.boundingBox(), scroller.boundingBox(), schedule.grid.locator('.time-axis').boundingBox()]);
      return b !== null && b.x >= axis!.x + axis!.width - 1 && b.x + Math.min(b.width, 24) <= view!.x + view!.width;
    };
    await expect.poll(shown).toBe(true);
    // Scrolled to the right end, the time axis stays at the left edge, over the columns.
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const axis = (await schedule.grid.locator('.time-axis').boundingBox())!;
    expect(axis.x).toBe((await scroller.boundingBox())!.x);
    const firstColumn = (await schedule.grid.locator('.doctor-col').first().boundingBox())!;
    expect(firstColumn.x).toBeLessThan(axis.x + axis.width);
    await schedule.screenshot(testInfo, 'day-schedule-scrolled');
  });

  test('switches to Spanish and keeps it after a reload', async ({ schedule, host }, testInfo) => {
    await schedule.open();
    await schedule.expectDay(today);
    await schedule.languageButton('es').click();

    await expect(schedule.shownDate).toHaveText(words(today, 'es'));
    await expect(schedule.page.getByRole('button', { name: 'Hoy' })).toBeVisible();
    await expect(schedule.syncStatus).toContainText('Solo local — sin sincronizar');
    await expect(schedule.page.locator('html')).toHaveAttribute('lang', 'es');
    await expect.poll(async () => (await host.invoke('app.info', {})).language).toBe('es');
    await schedule.screenshot(testInfo, 'day-schedule-es');

    // The token was stripped from the URL; the reload must still be let in (sessionStorage).
    await schedule.page.reload();
    await expect(schedule.shownDate).toHaveText(words(today, 'es'));

    await schedule.languageButton('en').click();
    await expect(schedule.shownDate).toHaveText(words(today, 'en'));
  });

  test('shows the empty state on a day no doctor works', async ({ schedule, host }) => {
    let closed: IsoDate | null = null;
    for (let i = 1; i <= 14 && !closed; i++) {
      const date = addDaysIso(today, i);
      if ((await host.invoke('schedule.day', { date })).doctors.length === 0) closed = date;
    }
    if (!closed) throw new Error('the demo clinic has no closed day in the next two weeks');
    await schedule.open();
    await schedule.expectDay(today);
    await schedule.pressOnPage('g');
    await schedule.datePicker.fill(closed);
    await schedule.expectDay(closed);
    await expect(schedule.page.getByTestId('schedule-empty')).toContainText('No doctors work on this day');
  });

  test('lists the shortcuts on ?', async ({ schedule }) => {
    await schedule.open();
    await schedule.expectDay(today);
    await schedule.pressOnPage('?');
    const help = schedule.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Go to today');
    await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
    await schedule.page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    // The dialog held the keyboard: the day did not change underneath it.
    await expect(schedule.shownDate).toHaveAttribute('data-date', today);
  });
});
