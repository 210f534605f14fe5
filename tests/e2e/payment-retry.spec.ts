import { expect, test as base } from './fixtures.ts';
import { PlansPage } from './pages/plans-page.ts';

const test = base.extend<{ plans: PlansPage }>({
  plans: async ({ page, host }, use) => {
    await use(new PlansPage(page, host));
  },
});

const PATIENT = { firstName: 'Ramona', lastName: 'Reintento Prueba', phone: '+34 655 777 001' };
const NAME = `${PATIENT.firstName} ${PATIENT.lastName}`;

test.describe('recording a payment whose answer is lost', () => {
  test('the retry records nothing twice, in English and in Spanish', async ({ plans, host, page }, testInfo) => {
    await host.invoke('settings.setLanguage', { language: 'en' });
    const { id: patientId } = await host.invoke('patients.create', PATIENT);
    await plans.open();
    await plans.openPatient(NAME);

    // The desk commits the payment, but its answer never reaches the page.
    const sent: unknown[] = [];
    await page.route('**/invoke/payments.record', async (route) => {
      sent.push(route.request().postDataJSON());
      await route.fetch();
      await route.abort('connectionreset');
    });
    await plans.recordPayment('42.50');
    await expect(plans.paymentForm.getByTestId('pay-error')).toHaveText(
      'The desk did not answer, so the payment may have been recorded or not. Press Record payment again: it is never recorded twice.',
    );
    expect(await host.invoke('payments.listForPatient', { patientId })).toHaveLength(1);
    await plans.screenshot(testInfo, 'payment-retry-01-unanswered-en');

    // Spanish words for the same state.
    await page.locator('.lang button[lang="es"]').click();
    await expect(plans.paymentForm.getByTestId('pay-error')).toHaveText(
      'El puesto no respondió: puede que el pago se registrara o no. Pulse Registrar pago de nuevo: nunca se registra dos veces.',
    );
    await plans.screenshot(testInfo, 'payment-retry-02-unanswered-es');
    await page.locator('.lang button[lang="en"]').click();

    // The retry goes through with the same key and is answered with the first payment.
    await page.unroute('**/invoke/payments.record');
    await page.route('**/invoke/payments.record', async (route) => {
      sent.push(route.request().postDataJSON());
      await route.continue();
    });
    await plans.paymentForm.getByTestId('pay-save').click();
    await expect(page.getByTestId('pay-result')).toContainText('€42.50 recorded.');
    const payments = await host.invoke('payments.listForPatient', { patientId });
    expect(payments).toHaveLength(1);
    expect(sent).toHaveLength(2);
    const [first, retry] = sent as { idempotencyKey: string }[];
    expect(first!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry!.idempotencyKey).toBe(first!.idempotencyKey);
    await expect(plans.payments).toHaveCount(1);
    await plans.screenshot(testInfo, 'payment-retry-03-recorded-once-en');

    // The next payment is a new one, with a new key.
    await plans.recordPayment('10');
    await expect(page.getByTestId('pay-result')).toContainText('€10.00 recorded.');
    expect(await host.invoke('payments.listForPatient', { patientId })).toHaveLength(2);
    expect((sent[2] as { idempotencyKey: string }).idempotencyKey).not.toBe(first!.idempotencyKey);
  });
});
