import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page, type TestInfo, expect } from '@playwright/test';
import type { Host } from '../fixtures.ts';

const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** The desk lock, the acting person and the role-dependent shell (tabs, editors, audit viewer). */
export class LockPage {
  readonly overlay: Locator;
  readonly appRoot: Locator;
  readonly acting: Locator;

  constructor(
    readonly page: Page,
    readonly host: Host,
  ) {
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

  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, animations: 'disabled' });
    await testInfo.attach(name, { path, contentType: 'image/png' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(path, join(SCREENSHOT_DIR, `${name}.png`));
  }
}
