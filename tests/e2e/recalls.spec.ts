import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test } from './pages/recalls-page.ts';

// Campaigns and recall types are managers' work (shared/command-roles.ts, RLS on recall_campaigns).
test.use({ hostArgs: ['--acting-staff', 'manager@demo.clinic'] });

test.describe('recall campaigns', () => {
  // The demo clinic ships its recall types (18 months of visits, a cleaning every 6 months and a
  // check-up every 12): the campaigns below run on the cleaning one, found by the command API.
  let recallTypeId: string;
  let recallTypeName: string;
  let checkupTypeId: string;

  test.beforeAll(async ({ host }) => {
    const info = await host.invoke('app.info', {});
    if (info.language !== 'en') await host.invoke('settings.setLanguage', { language: 'en' });
    const types = await host.invoke('recalls.types.list', {});
    const cleaning = types.find((t) => t.intervalMonths === 6 && t.basis === 'appointment_types' && t.appointmentTypeIds.length === 1)!;
    const checkup = types.find((t) => t.intervalMonths === 12 && t.basis === 'appointment_types' && t.appointmentTypeIds.length === 1)!;
    expect(cleaning).toBeDefined();
    expect(checkup).toBeDefined();
    recallTypeId = cleaning.id;
    recallTypeName = cleaning.name;
    checkupTypeId = checkup.appointmentTypeIds[0]!;
  });

  test('builds, activates and works a campaign, books from a contact and exports the results', async ({ recalls, host }, testInfo) => {
    const { page } = recalls;
    await recalls.open();

    // Criteria builder with the live count.
    await page.getByRole('button', { name: 'New campaign' }).click();
    await expect(recalls.builder).toBeVisible();
    await recalls.builder.getByLabel('Campaign name').fill('E2E recall');
    await page.getByTestId('criteria-recall-type').selectOption(recallTypeId);
    await page.getByTestId('criteria-due-mode').selectOption('overdue');
    await page.getByTestId('criteria-overdue-days').fill('0');
    const broad = await recalls.settledCount();
    expect(broad).toBeGreaterThan(3);
    await page.getByTestId('criteria-overdue-days').fill('20');
    await expect(recalls.liveCount).not.toHaveAttribute('data-count', String(broad));
    const narrow = await recalls.settledCount();
    const expected = await host.invoke('recalls.preview', {
      recallTypeId,
      criteria: { due: { kind: 'overdue', days: 20 }, noFutureAppointment: true },
      sample: false,
    });
    expect(narrow).toBe(expected.count);
    expect(narrow).toBeGreaterThan(2);
    expect(narrow).toBeLessThan(broad);
    await expect(recalls.preview.locator('tbody tr')).toHaveCount(Math.min(narrow, 50));
    await expect(recalls.preview.locator('tbody tr').first().locator('.rc-channel')).not.toBeEmpty();
    await recalls.screenshot(testInfo, 'recalls-criteria-builder');

    // Draft → active.
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(recalls.campaignStatus).toHaveText('Draft');
    await page.getByRole('button', { name: /Activate/ }).click();
    await expect(recalls.campaignStatus).toHaveText('Active');
    const campaign = (await host.invoke('recalls.campaigns.list', {})).find((c) => c.name === 'E2E recall')!;
    expect(campaign.counts.total).toBe(narrow);

    // Work the queue: the first contact gets no answer (key 1), the next one is booked (key 4).
    await page.getByTestId('queue-next').click();
    await expect(recalls.contact).toBeVisible();
    await expect(page.getByTestId('contact-claim')).toContainText('Held for you until');
    await expect(page.getByTestId('message-text')).toHaveValue(/^(Hi|Dear|Hello) /);
    const first = await recalls.contactName.textContent();
    await recalls.screenshot(testInfo, 'recalls-work-queue');
    await page.getByTestId('queue-notes').fill('Rang twice, no voicemail');
    await recalls.pressOnPage('1');
    await expect(recalls.logged).toHaveText(`Logged “No answer” for ${first}.`);
    await expect(recalls.contactName).not.toHaveText(first!);
    const second = await recalls.contactName.textContent();

    await recalls.pressOnPage('4');
    await expect(page.getByTestId('slot-picker')).toBeVisible();
    await page.getByTestId('free-slot').first().click();
    await expect(recalls.logged).toHaveText(`Logged “Booked” for ${second}.`);

    // A third person declines (key 5): three contacts, three different outcomes.
    await expect(recalls.contactName).not.toHaveText(second!);
    const third = await recalls.contactName.textContent();
    await recalls.pressOnPage('5');
    await expect(recalls.logged).toHaveText(`Logged “Declined” for ${third}.`);

    // Results: the booking counts and the chart shows today's calls.
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect(page.getByTestId('rate-booked')).toContainText(`1 of ${narrow}`);
    await expect(page.getByTestId('rate-contacted')).toContainText(`3 of ${narrow}`);
    await expect(page.getByTestId('results-appointments')).toContainText('1 Upcoming');
    await expect(page.getByTestId('results-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('results-outcomes').locator('[data-outcome="no_answer"] strong')).toHaveText('1');
    const results = await host.invoke('recalls.results', { campaignId: campaign.id });
    expect(results.booked.count).toBe(1);
    expect(results.outcomes.no_answer).toBe(1);
    expect(results.outcomes.declined).toBe(1);
    await recalls.screenshot(testInfo, 'recalls-results');

    // CSV export downloads the contacts with their outcomes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^recall-e2e-recall-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Patient');
    expect(csv).toContain(second!);
    expect(csv.split('\n').filter((l) => l.includes('booked')).length).toBeGreaterThanOrEqual(1);
  });
  test('speaks Spanish in the queue and fills the message in the chosen language', async ({ recalls, host }, testInfo) => {
    const { page } = recalls;
    await host.invoke('settings.setLanguage', { language: 'es' });
    try {
      await page.goto(host.url);
      await page.locator('[data-screen="recalls"]').click();
      await expect(page.locator('[data-screen="recalls"]')).toHaveText(/Revisiones/);
      await page.getByRole('tab', { name: 'Lista de llamadas' }).click();
      await page.getByTestId('queue-next').click();
      await expect(recalls.contact).toContainText('Intento 1 de 3');
      await expect(page.getByTestId('contact-reason')).toContainText('prevista el');
      await page.getByRole('button', { name: 'Correo' }).click();
      await expect(page.getByTestId('message-text')).toHaveValue(/^Estimado\/a /);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByTestId('message-text')).toHaveValue(/^Dear /);
      await recalls.screenshot(testInfo, 'recalls-work-queue-es');
    } finally {
      await host.invoke('settings.setLanguage', { language: 'en' });
    }
  });
  test('adds a recall type counted from visits of chosen types', async ({ recalls, host }, testInfo) => {
    const { page } = recalls;
    await recalls.open();
    await page.getByRole('button', { name: 'Recall types' }).click();
    await page.getByRole('button', { name: 'Add recall type' }).click();
    const form = page.getByTestId('recall-type-form');
    const settings = await host.invoke('availability.settings', {});
    const checkup = settings.appointmentTypes.find((a) => a.id === checkupTypeId)!;
    await form.getByLabel('Name').fill('Check-up every 24 months (e2e)');
    await form.getByLabel('Every (months)').fill('24');
    await form.getByLabel(checkup.name, { exact: true }).check();
    await recalls.screenshot(testInfo, 'recalls-types-editor');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    const saved = (await host.invoke('recalls.types.list', {})).find((t) => t.name === 'Check-up every 24 months (e2e)');
    expect(saved).toMatchObject({ intervalMonths: 24, basis: 'appointment_types', appointmentTypeIds: [checkup.id], active: true });
    await expect(page.getByTestId('recall-types')).toContainText(`Every 24 months after ${checkup.name}`);
  });
  test('shows a patient\'s recall due dates on the patient screen', async ({ recalls, host }, testInfo) => {
    const { page } = recalls;
    const due = await host.invoke('recalls.preview', { recallTypeId, criteria: { due: { kind: 'overdue', days: 10 } }, sample: true });
    const patient = due.sample[0]!;
    const expected = (await host.invoke('recalls.dueForPatient', { patientId: patient.patientId })).find((r) => r.recallTypeId === recallTypeId)!;
    expect(expected.state).toBe('overdue');
    await page.goto(host.url);
    await page.locator('[data-screen="patients"]').click();
    await page.getByTestId('patients-search').fill(patient.name);
    await page.locator(`[data-patient-id="${patient.patientId}"]`).click();
    const block = page.getByTestId('patient-recalls');
    const line = block.locator('li', { hasText: recallTypeName });
    await expect(line).toHaveAttribute('data-state', 'overdue');
    await expect(line).toContainText(`overdue by ${-expected.daysUntil!} days`);
    await recalls.screenshot(testInfo, 'recalls-patient-screen');
  });
});
