import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { Host } from '../fixtures.ts';

const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** The day schedule screen as a receptionist sees it. */
export class DaySchedulePage {
  readonly shownDate: Locator;
  readonly clinicName: Locator;
  readonly grid: Locator;
  readonly appointments: Locator;
  readonly panel: Locator;
  readonly panelStatus: Locator;
  readonly syncStatus: Locator;
  readonly datePicker: Locator;
  readonly loading: Locator;

  constructor(
    readonly page: Page,
    private readonly host: Host,
  ) {
    this.shownDate = page.getByTestId('shown-date');
    this.clinicName = page.getByTestId('clinic-name');
    this.grid = page.getByTestId('day-schedule');
    this.appointments = this.grid.locator('[data-appointment-id]');
    this.panel = page.getByTestId('appointment-panel');
    this.panelStatus = page.getByTestId('panel-status');
    this.syncStatus = page.getByTestId('sync-status');
    this.datePicker = page.getByTestId('schedule-date');
    this.loading = page.getByTestId('schedule-loading');
  }

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.clinicName).not.toBeEmpty();
  }

  /** Waits until the header and the grid (or the empty state) both show `date`. */
  async expectDay(date: IsoDate): Promise<void> {
    await expect(this.shownDate).toHaveAttribute('data-date', date);
    await expect(this.page.locator(`[data-testid="day-schedule"][data-date="${date}"], [data-testid="schedule-empty"][data-date="${date}"]`)).toBeVisible();
  }

  async shownIsoDate(): Promise<IsoDate> {
    return (await this.shownDate.getAttribute('data-date')) ?? '';
  }

  /** Presses a key with the focus on the page body (not on a block or an input). */
  async pressOnPage(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  appointmentsWithStatus(...statuses: string[]): Locator {
    return this.grid.locator(statuses.map((s) => `[data-appointment-id][data-status="${s}"]`).join(', '));
  }

  /** Moves forward day by day (by keyboard) until the grid shows a block matching `statuses`. */
  async goToDayWith(statuses: string[], maxDays = 14): Promise<Locator> {
    for (let i = 0; i <= maxDays; i++) {
      const date = await this.shownIsoDate();
      await this.expectDay(date);
      const blocks = this.appointmentsWithStatus(...statuses);
      if ((await blocks.count()) > 0) return blocks.first();
      await this.pressOnPage('ArrowRight');
      await expect(this.shownDate).not.toHaveAttribute('data-date', date);
    }
    throw new Error(`no appointment in ${statuses.join('/')} within ${maxDays} days`);
  }

  statusButton(status: string): Locator {
    return this.panel.locator(`button[data-status="${status}"]`);
  }

  languageButton(language: 'en' | 'es'): Locator {
    return this.page.locator(`.lang button[lang="${language}"]`);
  }

  /** Saves a full-window PNG as a test artifact and under test-results/screenshots/. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, animations: 'disabled' });
    await testInfo.attach(name, { path, contentType: 'image/png' });
    // A fixed-instant project's screenshots go to their own folder (playwright.config.ts).
    const dir = testInfo.project.name === 'now' ? SCREENSHOT_DIR : join(SCREENSHOT_DIR, testInfo.project.name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(path, join(dir, `${name}.png`));
  }
}
