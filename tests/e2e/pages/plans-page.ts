import { expect, type Locator, type Page } from '@playwright/test';
import type { Host } from '../fixtures.ts';
import { BasePage } from './base-page.ts';

export interface StepInput {
  procedure: string;
  tooth?: string;
  cost: string;
  minutes: string;
  /** Label of the appointment type option to pick. */
  type?: string;
}

/** The Plans & payments and Overdue screens as the front desk uses them. */
export class PlansPage extends BasePage {
  readonly screen: Locator;
  readonly summary: Locator;
  readonly treatmentPlans: Locator;
  readonly paymentPlans: Locator;
  readonly planForm: Locator;
  readonly paymentPlanForm: Locator;
  readonly paymentForm: Locator;
  readonly payments: Locator;
  readonly receipt: Locator;
  readonly overdueRows: Locator;

  constructor(
    page: Page,
    private readonly host: Host,
  ) {
    super(page);
    this.screen = page.getByTestId('money-screen');
    this.summary = this.screen.getByTestId('money-summary');
    this.treatmentPlans = page.getByTestId('treatment-plan');
    this.paymentPlans = page.getByTestId('payment-plan');
    this.planForm = page.getByTestId('treatment-plan-form');
    this.paymentPlanForm = page.getByTestId('payment-plan-form');
    this.paymentForm = page.getByTestId('payment-form');
    this.payments = page.getByTestId('payment-row');
    this.receipt = page.getByTestId('receipt');
    this.overdueRows = page.getByTestId('overdue-row');
  }

  async open(): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.page.getByTestId('clinic-name')).not.toBeEmpty();
  }

  tab(id: string): Locator {
    return this.page.locator(`.screen-nav__tab[data-screen="${id}"]`);
  }

  async openPatient(name: string): Promise<void> {
    await this.tab('money').click();
    const change = this.page.getByTestId('money-change-patient');
    if (await change.isVisible()) await change.click();
    await this.page.getByTestId('money-patient-search').fill(name);
    await this.page.getByTestId('money-patient-option').filter({ hasText: name }).first().click();
    await expect(this.page.getByTestId('money-patient-name')).toHaveText(name);
  }

  async createTreatmentPlan(title: string, steps: StepInput[]): Promise<void> {
    await this.page.getByTestId('tp-new').click();
    await expect(this.planForm).toBeVisible();
    await this.planForm.getByLabel('Title').fill(title);
    for (let i = 0; i < steps.length; i++) {
      if (i > 0) await this.planForm.getByRole('button', { name: /Add step/ }).click();
      const s = steps[i]!;
      const n = i + 1;
      await this.planForm.getByLabel(`Procedure ${n}`, { exact: true }).fill(s.procedure);
      if (s.tooth) await this.planForm.getByLabel(`Tooth / area ${n}`, { exact: true }).fill(s.tooth);
      if (s.type) await this.planForm.getByLabel(`Appointment type ${n}`, { exact: true }).selectOption({ label: s.type });
      await this.planForm.getByLabel(`Estimated cost ${n}`, { exact: true }).fill(s.cost);
      await this.planForm.getByLabel(`Minutes ${n}`, { exact: true }).fill(s.minutes);
    }
  }

  summaryValue(which: 'balance' | 'overdue' | 'next-due' | 'credit'): Locator {
    return this.summary.getByTestId(`money-${which}`).locator('dd');
  }

  async recordPayment(amount: string, method = 'card'): Promise<void> {
    await this.paymentForm.getByTestId('pay-amount').fill(amount);
    await this.paymentForm.getByTestId('pay-method').selectOption(method);
    await this.paymentForm.getByTestId('pay-save').click();
  }
}
