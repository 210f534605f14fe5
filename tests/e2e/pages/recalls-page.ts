import { expect, type Locator, type Page } from '@playwright/test';
import { test as base } from '../fixtures.ts';
import type { Host } from '../fixtures.ts';
import { BasePage } from './base-page.ts';

/** The Recalls screen: campaign list, criteria builder, work queue and results. */
export class RecallsPage extends BasePage {
  readonly screen: Locator;
  readonly builder: Locator;
  readonly liveCount: Locator;
  readonly preview: Locator;
  readonly campaign: Locator;
  readonly campaignStatus: Locator;
  readonly queue: Locator;
  readonly contact: Locator;
  readonly contactName: Locator;
  readonly logged: Locator;
  readonly results: Locator;

  constructor(
    page: Page,
    private readonly host: Host,
  ) {
    super(page);
    this.screen = page.getByTestId('recalls-screen');
    this.builder = page.getByTestId('campaign-builder');
    this.liveCount = page.getByTestId('live-count');
    this.preview = page.getByTestId('preview-table');
    this.campaign = page.getByTestId('campaign-view');
    this.campaignStatus = page.getByTestId('campaign-status');
    this.queue = page.getByTestId('work-queue');
    this.contact = page.getByTestId('contact-card');
    this.contactName = page.getByTestId('contact-name');
    this.logged = page.getByTestId('queue-logged');
    this.results = page.getByTestId('campaign-results');
  }

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await this.page.locator('[data-screen="recalls"]').click();
    await expect(this.screen).toBeVisible();
  }

  /** The settled live count (after the debounce and the answer). */
  async settledCount(): Promise<number> {
    await expect(this.liveCount).toHaveAttribute('data-counting', 'false');
    return Number(await this.liveCount.getAttribute('data-count'));
  }

  outcomeButton(outcome: string): Locator {
    return this.queue.locator(`button[data-outcome="${outcome}"]`);
  }
}

export const test = base.extend<{ recalls: RecallsPage }>({
  recalls: async ({ page, host }, use) => {
    await use(new RecallsPage(page, host));
  },
});
