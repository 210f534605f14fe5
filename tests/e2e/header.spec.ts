import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import type { SyncStatus } from '../../shared/domain/types.ts';
import { expect, test } from './fixtures.ts';

/**
 * The header at 1366×768 in every sync state and both languages. The states of a syncing desk
 * come from rewriting the local host's answers ('app.info', 'auth.session', 'auth.deskLock'):
 * the sync specs need a whole stack to reach them, and the layout is what is checked here.
 */
const NOW = new Date().toISOString();
const BASE: SyncStatus = { mode: 'online', pendingChanges: 0, oldestPendingAt: null, lastSyncedAt: NOW, needsAttention: 0, lastError: null, signedIn: true };
const STATES: Record<string, SyncStatus | null> = {
  'local-only': null,
  'online-synced': BASE,
  'offline-waiting': { ...BASE, mode: 'offline', pendingChanges: 1234, oldestPendingAt: NOW },
  syncing: { ...BASE, pendingChanges: 22 },
  // The server stopped answering: never "Synced" meanwhile.
  connecting: { ...BASE, mode: 'connecting', pendingChanges: 0 },
  'needs-attention': { ...BASE, mode: 'offline', pendingChanges: 3, needsAttention: 12 },
  'signed-out': { ...BASE, signedIn: false, pendingChanges: 5 },
};

async function rewrite(route: Route, edit: (value: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const response = await route.fetch();
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  await route.fulfill({ response, json: body.ok && body.value ? { ...body, value: edit(body.value) } : body });
}

/** Makes the local desk look signed in to a server, with `sync` as its status. */
async function fakeServerDesk(page: Page, sync: SyncStatus): Promise<void> {
  const user = { userId: 'u-1', email: 'rita@demo.clinic', staffId: 's-1', clinicId: 'c-1', displayName: 'Rita Reception', role: 'receptionist' };
  await page.route('**/invoke/app.info', (r) => rewrite(r, (v) => ({ ...v, sync: { ...sync, serverUrl: 'https://sync.example' } })));
  await page.route('**/invoke/auth.session', (r) =>
    rewrite(r, (v) => ({ ...v, mode: 'signed_in', online: sync.mode !== 'offline', offlineUnlocked: sync.mode === 'offline', user })),
  );
  await page.route('**/invoke/auth.deskLock', (r) =>
    rewrite(r, (v) => ({ ...v, canLock: true, acting: { id: 's-1', displayName: user.displayName, role: user.role }, passwordUser: { staffId: 's-1', displayName: user.displayName, email: user.email } })),
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), clip: { x: 0, y: 0, width: 1366, height: 90 }, animations: 'disabled' });
}

test.describe('app header', () => {
  test.afterAll(async ({ host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
  });

  for (const language of ['en', 'es'] as const) {
    test(`fits at 1366 px in every sync state (${language})`, async ({ page, host }) => {
      await host.invoke('settings.setLanguage', { language });
      const widths = new Set<number>();
      for (const [state, sync] of Object.entries(STATES)) {
        await page.unrouteAll({ behavior: 'wait' });
        if (sync) await fakeServerDesk(page, sync);
        await page.goto(host.url);
        const header = page.locator('header.app-header');
        const indicator = header.getByTestId('sync-status');
        await expect(indicator).toBeVisible();
        await expect(header.getByTestId('shown-date')).toBeVisible();

        // Everything inside the window, nothing clipped, the acting person named once.
        const lang = header.locator('.lang');
        const box = (await lang.boundingBox())!;
        expect(box.x + box.width, `${state}: language switch inside the window`).toBeLessThanOrEqual(1366 - 8);
        const clipped = await indicator.evaluate((el) =>
          [...el.querySelectorAll<HTMLElement>('.sync__mode')].filter((s) => s.scrollWidth > s.clientWidth + 1).length,
        );
        expect(clipped, `${state}: sync state text not cut`).toBe(0);
        if (sync) {
          await expect(header.getByText('Rita Reception', { exact: true })).toHaveCount(1);
          await expect(header.getByRole('button', { name: language === 'en' ? 'Lock' : 'Bloquear', exact: true })).toHaveCount(1);
        }
        if (state === 'connecting') {
          await expect(indicator).toContainText(language === 'en' ? 'Connecting…' : 'Conectando…');
          await expect(indicator).not.toContainText(language === 'en' ? 'Synced' : 'Sincronizado');
        }
        widths.add(Math.round((await indicator.boundingBox())!.width));
        await shoot(page, `header-${language}-${state}`);
      }
      // One reserved width: the header does not jump when the state changes.
      expect([...widths]).toHaveLength(1);
    });
  }
});
