import { type Locator, type Page, expect } from '@playwright/test';
import type { Host } from '../fixtures.ts';
import { BasePage } from './base-page.ts';

/** The desk lock, the acting person and the role-dependent shell (tabs, editors, audit viewer). */
export class LockPage extends BasePage {
  readonly overlay: Locator;
  readonly appRoot: Locator;
  readonly acting: Locator;

  constructor(
    page: Page,
    readonly host: Host,
  ) {
    super(page);
    this.overlay = page.getByTestId('lock-overlay');
    this.appRoot = page.getByTestId('app-root');
    this.acting = page.getByTestId('acting-staff');
  }

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.page.getByTestId('clinic-name')).not.toBeEmpty();
    await expect(this.acting).toBeVisible();
  }

  tab(id: string): Locator {
    return this.page.locator(`nav.screen-nav [data-screen="${id}"]`);
  }

  async lockNow(): Promise<void> {
    await this.page.getByTestId('lock-now').click();
    await expect(this.overlay).toBeVisible();
  }

  /** Picks the person on the lock screen by name and types their PIN. */
  async unlockAs(name: string, pin: string): Promise<void> {
    const who = this.overlay.getByTestId('lock-who');
    const value = await who.locator('option', { hasText: name }).getAttribute('value');
    await who.selectOption(value!);
    await this.overlay.getByTestId('lock-secret').fill(pin);
    await this.overlay.getByTestId('lock-unlock').click();
    await expect(this.overlay).toBeHidden();
    await expect(this.acting).toHaveText(name);
  }
}
