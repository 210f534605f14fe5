import { expect, type Locator, type Page } from '@playwright/test';
import type { Host } from '../fixtures.ts';
import { DaySchedulePage } from './day-schedule-page.ts';

/** Booking, drag and drop, cancellation and undo on top of the day schedule. */
export class BookingPage extends DaySchedulePage {
  readonly dialog: Locator;
  readonly patientSearch: Locator;
  readonly freeSlots: Locator;
  readonly saveButton: Locator;
  readonly bookingError: Locator;
  readonly undoToast: Locator;
  readonly moveError: Locator;

  constructor(page: Page, host: Host) {
    super(page, host);
    this.dialog = page.getByTestId('booking-dialog');
    this.patientSearch = this.dialog.getByTestId('patient-search');
    this.freeSlots = this.dialog.getByTestId('free-slot');
    this.saveButton = this.dialog.getByTestId('booking-save');
    this.bookingError = this.dialog.getByTestId('booking-error');
    this.undoToast = page.getByTestId('undo-toast');
    this.moveError = page.getByTestId('move-error');
  }

  screen(id: string): Locator {
    return this.page.locator(`.screen-nav [data-screen="${id}"]`);
  }

  /** N on the schedule opens the booking dialog. */
  async openBookingByKey(): Promise<void> {
    await this.pressOnPage('n');
    await expect(this.dialog).toBeVisible();
  }

  async createPatientInline(p: { firstName: string; lastName: string; phone: string }): Promise<void> {
    await this.dialog.getByTestId('new-patient').click();
    const form = this.dialog.getByTestId('new-patient-form');
    await form.locator('input[name="firstName"]').fill(p.firstName);
    await form.locator('input[name="lastName"]').fill(p.lastName);
    await form.locator('input[name="phone"]').fill(p.phone);
    await form.getByTestId('create-patient').click();
    await expect(this.dialog.getByTestId('chosen-patient')).toContainText(`${p.firstName} ${p.lastName}`);
  }

  block(id: string): Locator {
    return this.grid.locator(`[data-appointment-id="${id}"]`);
  }

  /** Drags a block by (dx, dy) pixels with real pointer events, in small steps. */
  async drag(block: Locator, dx: number, dy: number): Promise<void> {
    // Centred, so a drag of a few hours stays clear of the edges (where the grid scrolls itself).
    await block.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
    const box = (await block.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + Math.min(10, box.height / 2);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }
}
