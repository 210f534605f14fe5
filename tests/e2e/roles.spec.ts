import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { expect, test } from './fixtures.ts';
import { LockPage } from './pages/lock-page.ts';

const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
const manager = DEMO_STAFF.find((s) => s.role === 'manager')!;
const desk = DEMO_STAFF.find((s) => s.role === 'receptionist')!;

test.use({ hostArgs: ['--acting-staff', admin.email] });

test.describe('least privilege in the UI', () => {
  test('a receptionist sees no editors and no audit log, a manager does; the national id is masked', async ({ page, host }, testInfo) => {
    await host.invoke('auth.setPin', { pin: '2468' });
    await host.invoke('auth.setPin', { pin: '1357', staffId: desk.id });
    await host.invoke('auth.setPin', { pin: '8642', staffId: manager.id });
    const patient = await host.invoke('patients.create', { firstName: 'Nadia', lastName: 'Masked', phone: '600 987 654', nationalId: '12345678Z' });
    // An active recall campaign (planned by the admin) for the front desk to work.
    const campaign = await host.invoke('recalls.campaigns.create', { name: 'Roles recall', criteria: {} });
    await host.invoke('recalls.campaigns.activate', { campaignId: campaign.id });
    const ui = new LockPage(page, host);
    await ui.open();

    await ui.lockNow();
    await ui.unlockAs(desk.displayName, '1357');
    await expect(ui.tab('schedule')).toBeVisible();
    await expect(ui.tab('audit')).toHaveCount(0);
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('audit-screen')).toHaveCount(0);
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('availability-screen')).toBeVisible();
    await expect(page.getByTestId('edit-availability')).toHaveCount(0);
    await ui.screenshot(testInfo, 'roles-receptionist-availability');

    // Recalls: the receptionist works the call queue but plans nothing (shared/command-roles.ts).
    await page.keyboard.press('Alt+6');
    await expect(page.getByTestId('recalls-screen')).toBeVisible();
    await page.locator(`[data-campaign-id="${campaign.id}"]`).click();
    await expect(page.getByTestId('work-queue')).toBeVisible();
    await expect(page.getByTestId('queue-next')).toBeEnabled();
    await expect(page.getByTestId('new-campaign')).toHaveCount(0);
    await expect(page.getByTestId('campaign-close')).toHaveCount(0);
    await page.getByRole('button', { name: 'Recall types' }).click();
    await expect(page.getByTestId('recall-types')).toBeVisible();
    await expect(page.getByTestId('recall-types').getByRole('button')).toHaveCount(0);
    await ui.screenshot(testInfo, 'roles-receptionist-recalls');

    // The patient's national id: masked; a receptionist says why before it shows.
    await page.keyboard.press('Alt+3');
    await page.getByTestId('patients-search').fill('Nadia');
    await page.getByText('Masked').first().click();
    await expect(page.getByTestId('national-id-value')).toHaveText('••••••678Z');
    await page.getByTestId('national-id-reveal').click();
    await page.getByTestId('national-id-reason').fill('identity check');
    await page.getByTestId('national-id-confirm').click();
    await expect(page.getByTestId('national-id-value')).toHaveText('12345678Z');
    await ui.screenshot(testInfo, 'roles-national-id-revealed');

    await ui.lockNow();
    await ui.unlockAs(manager.displayName, '8642');
    await expect(ui.tab('audit')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('edit-availability')).toBeVisible();
    await page.keyboard.press('Alt+6');
    await page.locator(`[data-campaign-id="${campaign.id}"]`).click();
    await expect(page.getByTestId('campaign-close')).toBeVisible();
    await expect(page.getByTestId('new-campaign')).toBeVisible();
    await page.keyboard.press('Alt+7');
    const audit = page.getByTestId('audit-screen');
    await expect(audit).toBeVisible();
    // The reveal is on record, under the receptionist, with the reason.
    await audit.getByTestId('audit-action').selectOption('patients.revealNationalId');
    const rows = audit.getByTestId('audit-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(desk.displayName);
    await expect(rows.first()).toContainText('identity check');
    await expect(rows.first()).toContainText(patient.id.slice(-6));
    await ui.screenshot(testInfo, 'roles-manager-audit');
  });
});
