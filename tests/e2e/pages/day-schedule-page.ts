import { expect, type Locator, type Page } from '@playwright/test';
import type { IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { Host } from '../fixtures.ts';
import { BasePage } from './base-page.ts';

/** The day schedule screen as a receptionist sees it. */
export class DaySchedulePage extends BasePage {
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
    page: Page,
    private readonly host: Host,
  ) {
    super(page);
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
}
