import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RecoveryInfo } from '../../shared/domain/types.ts';
import { expect, test } from './fixtures.ts';

/**
 * The "database rebuilt" banner and its line on the Sync screen. A real rebuild needs a server
 * (tests/integration/sync-recover.test.ts checks app.info and the dismissal there), so the local
 * host's 'app.info' answer gets a recovery added here; the layout and wording are what is checked.
 */
const RECOVERY: RecoveryInfo = {
  at: new Date().toISOString(),
  exportFile: '/home/desk/.clinic-desk/backups/2026-11-23T09-12-44-120Z.unsynced.json',
  changes: 3,
  requeued: 3,
  keptFile: '/home/desk/.clinic-desk/clinic-desk.db.damaged-2026-11-23T09-12-44-120Z',
  message: 'The clinic database on this computer was damaged (file is not a database).',
  dismissed: false,
};

async function withRecovery(page: Page): Promise<{ dismissCalls: () => number }> {
  let dismissed = 0;
  await page.route('**/invoke/app.dismissRecovery', async (route) => {
    dismissed += 1;
    await route.continue();
  });
  await page.route('**/invoke/app.info', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
    const value = body.ok && body.value ? { ...body.value, recovery: { ...RECOVERY, dismissed: dismissed > 0 } } : body.value;
    await route.fulfill({ response, json: { ...body, value } });
  });
  return { dismissCalls: () => dismissed };
}

test.describe('recovery banner', () => {
  test.afterAll(async ({ host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
  });

  test('tells the staff the database was rebuilt, until dismissed; the Sync screen keeps saying so', async ({ page, host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
    const fake = await withRecovery(page);
    await page.goto(host.url);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner).toContainText("This desk's database was damaged and has been rebuilt from the server.");
    await expect(banner).toContainText(`Your 3 unsynced changes were saved to ${RECOVERY.exportFile} and queued again.`);
    await expect(banner).toContainText(`The damaged file was kept as ${RECOVERY.keptFile}.`);
    const box = (await banner.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    mkdirSync(join('test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join('test-results', 'screenshots', 'recovery-banner-en.png'), animations: 'disabled' });

    await page.getByTestId('recovery-dismiss').click();
    await expect(banner).toHaveCount(0);
    expect(fake.dismissCalls()).toBe(1);
    await page.reload();
    await expect(page.getByTestId('shown-date')).toBeVisible();
    await expect(banner).toHaveCount(0);

    await page.keyboard.press('Alt+9');
    await expect(page.getByTestId('sync-recovery')).toContainText('Database rebuilt');
    await expect(page.getByTestId('sync-recovery')).toContainText(RECOVERY.keptFile);
  });

  test('speaks Spanish', async ({ page, host }) => {
    await host.invoke('settings.setLanguage', { language: 'es' });
    await withRecovery(page);
    await page.goto(host.url);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner).toContainText('La base de datos de este puesto estaba dañada y se ha reconstruido desde el servidor.');
    await expect(banner).toContainText(`Sus 3 cambios sin sincronizar se guardaron en ${RECOVERY.exportFile}`);
    await expect(banner.getByRole('button', { name: 'Cerrar aviso' })).toBeVisible();
    await page.screenshot({ path: join('test-results', 'screenshots', 'recovery-banner-es.png'), animations: 'disabled' });
  });
});
