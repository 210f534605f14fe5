import { test as base, expect } from './fixtures.ts';
import { BookingPage } from './pages/booking-page.ts';

// Words a receptionist can trust, in both languages: a refusal worded from main's reason code
// (never main's English), and an undo toast that says what was done.
const test = base.extend<{ booking: BookingPage }>({
  booking: async ({ page, host }, use) => {
    await use(new BookingPage(page, host));
  },
});

test.afterEach(async ({ host }) => {
  await host.invoke('settings.setLanguage', { language: 'en' });
});

for (const language of ['en', 'es'] as const) {
  const words = {
    en: { phone: 'may hold only digits, spaces, dashes, brackets and a leading +', booked: 'Booked ', undo: 'Undo' },
    es: { phone: 'solo puede contener cifras, espacios, guiones, paréntesis y un + inicial', booked: 'Cita reservada: ', undo: 'Deshacer' },
  }[language];

  test(`words a bad phone and the undo toast in the desk language (${language})`, async ({ booking, host }, testInfo) => {
    await host.invoke('settings.setLanguage', { language });
    await booking.open();
    await booking.openBookingByKey();
    await booking.dialog.getByTestId('new-patient').click();
    const form = booking.dialog.getByTestId('new-patient-form');
    await form.locator('input[name="firstName"]').fill('Nerea');
    await form.locator('input[name="lastName"]').fill(`Palabras ${language}`);
    await form.locator('input[name="phone"]').fill('call me #5');
    await form.getByTestId('create-patient').click();
    const error = booking.dialog.getByTestId('new-patient-error');
    await expect(error).toContainText(words.phone);
    if (language === 'es') await expect(error).not.toContainText('may hold');
    await booking.screenshot(testInfo, `words-phone-error-${language}`);

    await form.locator('input[name="phone"]').fill(`+34 699 ${String(Date.now()).slice(-6)}`);
    await form.getByTestId('create-patient').click();
    await expect(booking.dialog.getByTestId('chosen-patient')).toContainText(`Nerea Palabras ${language}`);
    await booking.freeSlots.first().click();
    await booking.saveButton.click();
    await expect(booking.dialog).toBeHidden();
    // What was done, with Undo as the offer; never "… removed." before Undo was pressed.
    await expect(booking.undoToast).toContainText(`${words.booked}Nerea Palabras ${language}`);
    await expect(booking.undoToast).not.toContainText(/removed|eliminad/);
    await expect(booking.undoToast.getByTestId('undo-button')).toHaveText(words.undo);
    await booking.screenshot(testInfo, `words-undo-toast-${language}`);
  });
}

for (const language of ['en', 'es'] as const) {
  test(`tells a receptionist with no campaigns who starts them, not to press a button she lacks (${language})`, async ({ booking, host, page }, testInfo) => {
    await host.invoke('settings.setLanguage', { language });
    const campaigns = await host.invoke('recalls.campaigns.list', {});
    await page.goto(host.url);
    await page.locator('[data-screen="recalls"]').click();
    const screen = page.getByTestId('recalls-screen');
    await expect(screen).toBeVisible();
    // The receptionist (the host's default acting staff) has no "New campaign" button…
    await expect(screen.getByRole('button', { name: language === 'en' ? 'New campaign' : 'Nueva campaña' })).toHaveCount(0);
    // …so no text may tell her to press it.
    await expect(screen).not.toContainText(language === 'en' ? 'Start one with' : 'Empiece con');
    if (campaigns.length === 0) {
      await expect(screen).toContainText(language === 'en' ? 'A manager or an administrator starts recall campaigns' : 'las inicia la gerencia o la administración');
    }
    await booking.screenshot(testInfo, `words-recalls-empty-${language}`);
  });
}
