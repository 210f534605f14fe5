import { readFileSync } from 'node:fs';
import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { expect, test } from './fixtures.ts';
import { LockPage } from './pages/lock-page.ts';

const manager = DEMO_STAFF.find((s) => s.role === 'manager')!;

test.use({ hostArgs: ['--acting-staff', manager.email] });

test.describe('audit viewer', () => {
  test('filters by action and staff, pages, and exports the filtered log as CSV', async ({ page, host }, testInfo) => {
    for (let i = 0; i < 55; i++) {
      await host.invoke('patients.create', { firstName: `Audit${i}`, lastName: 'Trail', phone: `611 000 ${String(100 + i)}` });
    }
    const ui = new LockPage(page, host);
    await ui.open();
    await page.keyboard.press('Alt+7');
    const audit = page.getByTestId('audit-screen');
    await audit.getByTestId('audit-action').selectOption('patients.create');
    const rows = audit.getByTestId('audit-row');
    await expect(rows).toHaveCount(50);
    await audit.getByTestId('audit-more').click();
    await expect(rows).toHaveCount(55);
    await expect(audit.getByTestId('audit-more')).toHaveCount(0);
    await audit.getByTestId('audit-staffId').selectOption(manager.id);
    await expect(rows).toHaveCount(50);
    await ui.screenshot(testInfo, 'audit-viewer');

    const download = page.waitForEvent('download');
    await audit.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('time_utc,time_local,staff,staff_id,desk,action,table,row,details');
    expect(lines).toHaveLength(56);
    expect(lines.slice(1).every((l) => l.includes(',patients.create,patients,'))).toBe(true);
    await expect(audit.getByTestId('audit-exported')).toHaveText('55 entries exported.');

    // The same screen in Spanish.
    await page.locator('header .lang__option[lang="es"]').click();
    await expect(audit.getByTestId('audit-export')).toHaveText('Exportar CSV');
    await expect(page.locator('nav.screen-nav [data-screen="audit"]')).toContainText('Registro de auditoría');
    await ui.screenshot(testInfo, 'audit-viewer-es');
    await page.locator('header .lang__option[lang="en"]').click();
  });
});
