import { type Locator, type Page, expect } from '@playwright/test';
import { BasePage } from './base-page.ts';

/** The sign-in and lock screens, the header's sync indicator and the Sync screen. */
export class SyncPage extends BasePage {
  readonly signIn: Locator;
  readonly lock: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly authError: Locator;
  readonly indicator: Locator;
  readonly pending: Locator;
  readonly userMenu: Locator;
  readonly screen: Locator;
  readonly attention: Locator;

  constructor(page: Page) {
    super(page);
    this.signIn = page.getByTestId('sign-in-screen');
    // After a restart: the lock screen; while working: the lock overlay over the mounted app.
    this.lock = page.getByTestId('lock-screen').or(page.getByTestId('lock-overlay'));
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.authError = page.getByTestId('auth-error').or(page.getByTestId('lock-error'));
    this.indicator = page.getByTestId('sync-status');
    this.pending = page.getByTestId('sync-pending');
    this.userMenu = page.getByTestId('user-menu');
    this.screen = page.getByTestId('sync-screen');
    this.attention = page.getByTestId('attention-item');
  }

  async signInWith(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  /** Synced = online and nothing waiting (the indicator never says so otherwise). */
  async expectSynced(timeout = 20_000): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-mode', 'online', { timeout });
    await expect(this.indicator).toHaveAttribute('data-pending', '0', { timeout });
  }

  async openSyncScreen(): Promise<void> {
    await this.indicator.click();
    await expect(this.screen).toBeVisible();
  }
}
