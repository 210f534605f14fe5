import { addDaysIso, todayIn, type IsoDate } from '../../shared/domain/clinic-time.ts';
import { expect, test as base } from './fixtures.ts';
import { PlansPage } from './pages/plans-page.ts';

const test = base.extend<{ plans: PlansPage }>({
  plans: async ({ page, host }, use) => {
    await use(new PlansPage(page, host));
  },
});

const PATIENT = { firstName: 'Paula', lastName: 'Planes Prueba', phone: '+34 655 010 203' };
const NAME = `${PATIENT.firstName} ${PATIENT.lastName}`;

test.describe('treatment plans, payment plans and payments', () => {
  let today: IsoDate;
  let patientId: string;

  test.beforeAll(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    today = todayIn(info.clinic.timeZone, new Date(info.now));
    if (info.language !== 'en') await host.invoke('settings.setLanguage', { language: 'en' });
    patientId = (await host.invoke('patients.create', PATIENT)).id;
  });

  test('plan with three steps → book one → payment plan → pay one and a half installments', async ({ plans, host, page }, testInfo) => {
    test.setTimeout(120_000);
    await plans.open();
    await plans.openPatient(NAME);
    await expect(plans.summaryValue('balance')).toHaveText('€0.00');

    // 1. A treatment plan with three ordered steps (the demo clinic names its types in Spanish
    // with the English in brackets: the type is found through the host, not by a spelling).
    const rootCanal = (await host.invoke('availability.settings', {})).appointmentTypes.find((t) => t.name.includes('Root canal'))!;
    await plans.createTreatmentPlan('Upper right molar', [
      { procedure: 'Root canal', tooth: '16', cost: '400', minutes: '90', type: rootCanal.name },
      { procedure: 'Post and core', tooth: '16', cost: '200', minutes: '45' },
      { procedure: 'Crown', tooth: '16', cost: '600', minutes: '45' },
    ]);
    await expect(plans.planForm.getByTestId('tp-total')).toHaveText('Total €1,200.00');
    await plans.screenshot(testInfo, 'plans-01-new-treatment-plan');
    await plans.planForm.getByRole('button', { name: 'Create plan' }).click();
    await expect(plans.planForm).toBeHidden();
    const plan = plans.treatmentPlans.first();
    await expect(plan.getByTestId('tp-step')).toHaveCount(3);
    await expect(plan.getByTestId('tp-status')).toHaveText('Proposed');
    await expect(plan.getByTestId('tp-progress')).toHaveText('0 of 3 steps done');
    await plan.locator('button[data-action="accepted"]').click();
    await expect(plan.getByTestId('tp-status')).toHaveText('Accepted');
    await expect(plan).toContainText('Accepted');

    // 2. Book the first step through the free-slot finder.
    await plan.getByTestId('book-step').first().click();
    const slot = page.getByTestId('free-slot').first();
    await expect(slot).toBeVisible();
    await plans.screenshot(testInfo, 'plans-02-book-step');
    const startsAt = (await slot.getAttribute('data-starts-at'))!;
    await slot.click();
    await expect(page.getByTestId('slot-picker')).toBeHidden();
    await expect(plan.getByTestId('tp-step').first()).toHaveAttribute('data-step-status', 'scheduled');
    await expect(plan.getByTestId('tp-step').first()).toContainText('Booked');
    const booked = await host.invoke('patients.appointments', { patientId });
    expect(booked.upcoming.map((a) => a.startsAt)).toContain(startsAt);

    // 3. A payment plan from the treatment plan; bad terms are refused in the form.
    await plan.getByTestId('tp-payment-plan').click();
    const form = plans.paymentPlanForm;
    await expect(form.getByTestId('pp-principal')).toHaveValue('1200.00');
    await form.getByTestId('pp-count').fill('0');
    await expect(form).toContainText('At least one installment.');
    await form.getByTestId('pp-create').click();
    await form.getByTestId('pp-count').fill('4');
    await form.getByTestId('pp-down').fill('1500');
    await expect(form).toContainText('The down payment must be less than the principal.');
    await form.getByTestId('pp-create').click();
    await expect(form).toBeVisible();
    expect(await host.invoke('paymentPlans.listForPatient', { patientId })).toEqual([]);

    await form.getByTestId('pp-down').fill('');
    // Due dates in the past, so that two installments are already overdue today.
    await form.getByTestId('pp-first-due').fill(addDaysIso(today, -40));
    const preview = form.getByTestId('pp-preview');
    await expect(preview.getByTestId('installment')).toHaveCount(4);
    await expect(preview.getByTestId('pp-preview-totals')).toContainText('installments total €1,200.00');
    await form.getByTestId('pp-apr').fill('12');
    await expect(preview.getByTestId('pp-preview-totals')).not.toContainText('interest €0.00');
    await form.getByTestId('pp-apr').fill('');
    await expect(preview.getByTestId('pp-preview-totals')).toContainText('interest €0.00');
    await plans.screenshot(testInfo, 'plans-03-payment-plan-preview');
    await form.getByTestId('pp-create').click();
    await expect(form).toBeHidden();
    const paymentPlan = plans.paymentPlans.first();
    await expect(paymentPlan.getByTestId('installment')).toHaveCount(4);
    await expect(paymentPlan.locator('[data-state="overdue"]')).toHaveCount(2);
    // The other two fall due about three and seven weeks from now: upcoming, not due yet.
    await expect(paymentPlan.locator('[data-state="upcoming"]')).toHaveCount(2);
    await expect(paymentPlan.locator('[data-state="upcoming"]').first()).toContainText('Upcoming');
    await expect(plans.summaryValue('balance')).toHaveText('€1,200.00');
    await expect(plans.summaryValue('overdue')).toHaveText('€600.00');

    // 4. The overdue list has the patient with two installments due.
    await plans.tab('overdue').click();
    const row = plans.overdueRows.filter({ hasText: NAME });
    await expect(row.getByTestId('overdue-amount')).toHaveText('€600.00');
    await plans.screenshot(testInfo, 'plans-04-overdue-before');
    // Keyboard: focus the row and open the patient with Enter.
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(plans.screen).toBeVisible();
    await expect(page.getByTestId('money-patient-name')).toHaveText(NAME);

    // 5. A negative amount is refused and records nothing.
    await plans.recordPayment('-5');
    await expect(plans.paymentForm).toContainText('The amount cannot be negative.');
    expect(await host.invoke('payments.listForPatient', { patientId })).toEqual([]);

    // 6. One and a half installments: 300 + 150.
    await plans.recordPayment('450');
    const result = page.getByTestId('pay-result');
    await expect(result).toContainText('€450.00 recorded.');
    await expect(result).toContainText('€300.00');
    await expect(result).toContainText('€150.00');
    await expect(plans.summaryValue('balance')).toHaveText('€750.00');
    await expect(plans.summaryValue('overdue')).toHaveText('€150.00');
    await expect(paymentPlan.getByTestId('pp-totals')).toHaveText('Paid €450.00 of €1,200.00 · €750.00 left');
    await expect(paymentPlan.locator('[data-state="paid"]')).toHaveCount(1);
    await expect(plans.payments).toHaveCount(1);
    await plans.screenshot(testInfo, 'plans-05-after-payment');

    // 7. The printable receipt.
    await page.getByTestId('pay-result-receipt').click();
    const receipt = page.getByTestId('receipt-body');
    await expect(receipt.getByTestId('receipt-amount')).toHaveText('€450.00');
    await expect(receipt.getByTestId('receipt-balance')).toHaveText('€750.00');
    await plans.screenshot(testInfo, 'plans-06-receipt');
    await page.keyboard.press('Escape');
    await expect(plans.receipt).toBeHidden();

    // 8. The overdue list follows.
    await plans.tab('overdue').click();
    await expect(row.getByTestId('overdue-amount')).toHaveText('€150.00');
    const overdue = await host.invoke('money.overdueList', {});
    expect(overdue.find((r) => r.patientId === patientId)?.overdueCents).toBe(15_000);
    await plans.screenshot(testInfo, 'plans-07-overdue-after');

    // 9. The schedule badges the booked appointment; the panel shows the balance.
    const day = await host.invoke('schedule.day', { date: startsAt.slice(0, 10) });
    const bookedDay = day.appointments.some((a) => a.startsAt === startsAt) ? day.date : null;
    if (bookedDay) {
      expect(day.overduePatientIds).toContain(patientId);
      await plans.tab('schedule').click();
      await page.getByTestId('schedule-date').fill(bookedDay);
      const block = page.locator(`[data-appointment-id][data-owes]`).filter({ hasText: NAME });
      await expect(block.getByTestId('overdue-badge')).toBeVisible();
      await block.click();
      const panel = page.getByTestId('appointment-panel');
      await expect(panel.getByTestId('money-overdue').locator('dd')).toHaveText('€150.00');
      await plans.screenshot(testInfo, 'plans-08-schedule-badge');
    }
  });

  test('voids a payment with a reason, and shows the screens in Spanish', async ({ plans, host, page }, testInfo) => {
    await plans.open();
    await plans.openPatient(NAME);
    await plans.recordPayment('10');
    await expect(plans.payments).toHaveCount(2);
    await plans.payments.first().getByTestId('pay-void').click();
    const dialog = page.getByTestId('reason-dialog');
    await dialog.getByTestId('pay-reason-confirm').click();
    await expect(dialog).toContainText('Give a reason.');
    await dialog.getByTestId('pay-reason').fill('Entered twice');
    await dialog.getByTestId('pay-reason-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(plans.payments).toHaveCount(3);
    await expect(plans.payments.filter({ hasText: 'Voided' })).toHaveCount(1);
    await expect(plans.summaryValue('balance')).toHaveText('€750.00');
    const list = await host.invoke('payments.listForPatient', { patientId });
    expect(list.map((p) => p.kind)).toEqual(['void', 'payment', 'payment']);

    await page.locator('.lang button[lang="es"]').click();
    await expect(plans.tab('money')).toContainText('Planes y pagos');
    await expect(plans.summaryValue('balance')).toHaveText('750,00 €');
    await plans.screenshot(testInfo, 'plans-09-spanish');
    await page.locator('.lang button[lang="en"]').click();
    await expect(plans.tab('money')).toContainText('Plans & payments');
  });
});
