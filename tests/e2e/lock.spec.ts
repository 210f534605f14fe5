import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { expect, test } from './fixtures.ts';
import { LockPage } from './pages/lock-page.ts';

const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
const desk = DEMO_STAFF.find((s) => s.role === 'receptionist')!;

// An admin starts the desk and enrols PINs; the idle time is short for the test only.
test.use({ hostArgs: ['--acting-staff', admin.email] });

test.describe('idle lock', () => {
  test('locks after the idle time over the mounted app and keeps typed input through a user switch', async ({ page, host }, testInfo) => {
    await host.invoke('auth.setPin', { pin: '2468' });
    await host.invoke('auth.setPin', { pin: '1357', staffId: desk.id });
    await host.invoke('settings.setIdleLock', { seconds: 5 });
    const ui = new LockPage(page, host);
    await ui.open();
    await expect(ui.acting).toHaveText(admin.displayName);

    await page.keyboard.press('Alt+3');
    const search = page.getByTestId('patients-search');
    await search.fill('half-typed search');

    // No activity: the lock comes by itself.
    await expect(ui.overlay).toBeVisible({ timeout: 20_000 });
    await expect(ui.appRoot).toHaveAttribute('inert', '');
    await expect(ui.overlay).toContainText('Locked after 1 min without activity');
    // Opaque and covering the window: nothing underneath is readable.
    const cover = await ui.overlay.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const backdrop = getComputedStyle(el, '::backdrop').backgroundColor;
      return { bg: getComputedStyle(el).backgroundColor, backdrop, w: r.width, h: r.height, focusInside: el.contains(document.activeElement) };
    });
    expect(cover.bg).toMatch(/^rgb\(/);
    expect(cover.backdrop).toMatch(/^rgb\(/);
    expect([cover.w, cover.h]).toEqual([1366, 768]);
    expect(cover.focusInside).toBe(true);
    // Focus stays in the lock.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await ui.overlay.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // Main refuses work while locked, whatever the page does.
    const refused = await page.evaluate(async () => {
      const token = new URL(location.href).searchParams.get('token');
      const r = await fetch('/invoke/patients.search', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{"query":"garcia"}' });
      return r.json();
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await ui.screenshot(testInfo, 'lock-idle');

    // A wrong PIN says so; the receptionist takes over with her own.
    await ui.overlay.getByTestId('lock-who').selectOption(desk.id);
    await ui.overlay.getByTestId('lock-secret').fill('0000');
    await ui.overlay.getByTestId('lock-unlock').click();
    await expect(ui.overlay.getByTestId('lock-error')).toHaveText('Wrong PIN. 4 tries left.');
    await ui.unlockAs(desk.displayName, '1357');
    await expect(search).toHaveValue('half-typed search');
    await expect(ui.appRoot).not.toHaveAttribute('inert');
    // The switch itself is on record under the new person.
    const info = await host.invoke('app.info', {});
    expect(info.staff).toMatchObject({ id: desk.id, role: 'receptionist' });
  });
});
