import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** What every page object does the same way: screenshots and key presses on the page itself. */
export class BasePage {
  constructor(readonly page: Page) {}

  /** Presses a key with the focus on the page body (not on a block, a button or an input). */
  async pressOnPage(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
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
