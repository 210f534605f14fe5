import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { expect, test } from './fixtures.ts';
import { LockPage } from './pages/lock-page.ts';

const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
const manager = DEMO_STAFF.find((s) => s.role === 'manager')!;
const desk = DEMO_STAFF.find((s) => s.role === 'receptionist')!;

test.use({ hostArgs: ['--acting-staff', admin.email] });

test.describe('the patient blocked flag', () => {
  test('an admin flags a patient with a reason, a manager clears it; a receptionist only reads it', async ({ page, host }, testInfo) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
    await host.invoke('auth.setPin', { pin: '2468' });
    await host.invoke('auth.setPin', { pin: '8642', staffId: manager.id });
    await host.invoke('auth.setPin', { pin: '1357', staffId: desk.id });
    const patient = await host.invoke('patients.create', { firstName: 'Fabiola', lastName: 'Flagtest', phone: '600 321 987' });
    const ui = new LockPage(page, host);
    await ui.open();

    await page.keyboard.press('Alt+3');
    await page.getByTestId('patients-search').fill('Flagtest');
    await page.getByText('Flagtest').first().click();
    const flag = page.getByTestId('patient-flag');
    await expect(flag.getByTestId('patient-flag-state')).toHaveText('Not flagged.');

    // A reason is required: nothing changes without one.
    await flag.getByTestId('patient-flag-set').click();
    await expect(flag.getByTestId('patient-flag-reason')).toBeFocused();
    await flag.getByTestId('patient-flag-confirm').click();
    await expect(flag.getByTestId('patient-flag-error')).toHaveText('Give a reason to flag the patient.');
    expect((await host.invoke('patients.get', { id: patient.id })).blocked).toBe(false);
    await ui.screenshot(testInfo, 'patient-flag-00-reason-required-en');

    await flag.getByTestId('patient-flag-reason').fill('Unpaid since May');
    await flag.getByTestId('patient-flag-confirm').click();
    await expect(flag.getByTestId('patient-flag-state')).toHaveText('Flagged: Unpaid since May');
    await expect(flag.getByTestId('patient-flag-done')).toHaveText('Patient flagged.');
    await expect(page.getByTestId('patient-detail').locator('h2 .tag--danger')).toHaveText('Flagged');
    expect(await host.invoke('patients.get', { id: patient.id })).toMatchObject({ blocked: true, blockedReason: 'Unpaid since May' });
    await ui.screenshot(testInfo, 'patient-flag-01-admin-en');

    // The receptionist sees the flag and its reason, and no control to change it.
    await ui.lockNow();
    await ui.unlockAs(desk.displayName, '1357');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('patients-search').fill('Flagtest');
    await page.getByText('Flagtest').first().click();
    await expect(flag.getByTestId('patient-flag-state')).toHaveText('Flagged: Unpaid since May');
    await expect(flag.getByRole('button')).toHaveCount(0);
    await expect(flag.getByTestId('patient-flag-done')).toHaveCount(0);
    await expect(flag).toContainText('Only a manager or an admin can flag a patient or clear the flag.');
    await ui.screenshot(testInfo, 'patient-flag-02-receptionist-en');
    await page.locator('.lang button[lang="es"]').click();
    await expect(flag.getByTestId('patient-flag-state')).toHaveText('Marcado: Unpaid since May');
    await expect(flag).toContainText('Solo Gerencia o Administración pueden marcar a un paciente o quitar la marca.');
    await ui.screenshot(testInfo, 'patient-flag-03-receptionist-es');

    // Back to the manager, in Spanish: clear the flag.
    await ui.lockNow();
    await ui.unlockAs(manager.displayName, '8642');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('patients-search').fill('Flagtest');
    await page.getByText('Flagtest').first().click();
    await expect(flag.getByTestId('patient-flag-clear')).toHaveText('Quitar marca');
    await ui.screenshot(testInfo, 'patient-flag-04-manager-es');
    await flag.getByTestId('patient-flag-clear').click();
    await expect(flag.getByTestId('patient-flag-state')).toHaveText('Sin marca.');
    await expect(flag.getByTestId('patient-flag-done')).toHaveText('Marca quitada.');
    expect(await host.invoke('patients.get', { id: patient.id })).toMatchObject({ blocked: false, blockedReason: null });
    await ui.screenshot(testInfo, 'patient-flag-05-cleared-es');
    await page.locator('.lang button[lang="en"]').click();

    const audit = await host.invoke('audit.list', {});
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['patients.block', 'patients.unblock']));
  });
});
