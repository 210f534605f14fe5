import { test as base, expect } from './fixtures.ts';
import { AvailabilityPage } from './pages/availability-page.ts';

/** The clinic's check-in lead time, set by an admin in the availability editors. */
const test = base.extend<{ availability: AvailabilityPage }>({
  availability: async ({ page, host }, use) => {
    await use(new AvailabilityPage(page, host));
  },
});
test.use({ hostArgs: ['--acting-staff', 'admin@demo.clinic'] });

test.describe('check-in lead time', () => {
  test.afterEach(async ({ host }) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
  });

  for (const language of ['en', 'es'] as const) {
    test(`an admin sets how long before a visit check-in opens, and a wrong value is named (${language})`, async ({ availability, host }, testInfo) => {
      await host.invoke('settings.setLanguage', { language });
      const before = (await host.invoke('availability.settings', {})).statusLeadMinutes;
      const next = before === 45 ? 90 : 45;
      await availability.openScreen();
      await availability.openEditor('closures');
      const editor = availability.screen.getByTestId('status-lead-editor');
      await editor.scrollIntoViewIfNeeded();
      const input = editor.locator('input[name="statusLeadMinutes"]');
      await expect(input).toHaveValue(String(before));

      await input.fill('800');
      await editor.getByRole('button').click();
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(editor).toContainText(language === 'en' ? 'Enter whole minutes from 0 to 720.' : 'Escriba minutos enteros de 0 a 720.');
      expect((await host.invoke('availability.settings', {})).statusLeadMinutes).toBe(before);
      await availability.screenshot(testInfo, `status-lead-error-${language}`);

      await input.fill(String(next));
      await editor.getByRole('button').click();
      await expect.poll(async () => (await host.invoke('availability.settings', {})).statusLeadMinutes).toBe(next);
      await expect(input).toHaveAttribute('aria-invalid', 'false');
    });
  }
});
