import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { SyncPage } from './pages/sync-page.ts';
import { type ServerDesk, expect, startServerDesk, test } from './sync-fixtures.ts';

const desk = DEMO_STAFF.find((s) => s.role === 'receptionist')!;
const manager = DEMO_STAFF.find((s) => s.role === 'manager')!;
let host: ServerDesk | null = null;

test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test.describe('sign-in screen', () => {
  test('signs in against the real server, says why a sign-in failed, locks and unlocks', async ({ page, stack }, testInfo) => {
    host = await startServerDesk(stack.url, stack.anonKey, false);
    const ui = new SyncPage(page);
    await page.goto(host.url);
    await expect(ui.signIn).toBeVisible();
    await expect(ui.email).toBeFocused(); // keyboard first
    await ui.screenshot(testInfo, 'sign-in-screen');

    await ui.signInWith(manager.email, 'not-the-password');
    await expect(ui.authError).toHaveText('Wrong email or password.');
    await ui.screenshot(testInfo, 'sign-in-wrong-password');

    await ui.signInWith(desk.email, desk.password);
    await expect(ui.userMenu).toContainText('Rita Reception');
    await ui.expectSynced();
    await expect(page.getByTestId('clinic-name')).toHaveText('Clínica Sonrisa Demo');
    await ui.screenshot(testInfo, 'signed-in-synced');

    await page.keyboard.press('Control+l');
    await expect(ui.lock).toBeVisible();
    await ui.password.fill('wrong');
    await ui.password.press('Enter');
    await expect(ui.authError).toContainText('4 attempts left');
    await ui.screenshot(testInfo, 'lock-screen');
    await ui.password.fill(desk.password);
    await ui.password.press('Enter');
    await expect(ui.userMenu).toBeVisible();
  });

  test('says the server is unreachable', async ({ page }, testInfo) => {
    host = await startServerDesk('http://127.0.0.1:9', 'anon', false);
    const ui = new SyncPage(page);
    await page.goto(host.url);
    await ui.signInWith(desk.email, desk.password);
    await expect(ui.authError).toContainText('The server cannot be reached');
    await ui.screenshot(testInfo, 'sign-in-unreachable');
  });
});
