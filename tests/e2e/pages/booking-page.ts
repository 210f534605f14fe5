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

  /**
   * Drags a block by (dx, dy) pixels of the grid's content with real pointer events, in small
   * steps that never leave the middle of the grid's visible area: the grid scrolls itself when a
   * dragged block is held near its edge (and a pointer past the window's edge lands hours late,
   * FACTS.md "Drag tests"), so a move longer than the view scrolls the grid under a still pointer
   * and carries on from there.
   */
  async drag(block: Locator, dx: number, dy: number): Promise<void> {
    const scroller = this.grid.locator('.grid__scroll');
    const view = () =>
      scroller.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const corner = el.querySelector('.grid__corner')?.getBoundingClientRect();
        return { top: corner?.bottom ?? r.top, bottom: r.top + el.clientHeight };
      });
    const area = await view();
    const lo = area.top + DRAG_MARGIN_PX;
    const hi = Math.max(lo, area.bottom - DRAG_MARGIN_PX);
    // Grab the block where most of the move fits in view: near the top for a move down.
    await block.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
    const box0 = (await block.boundingBox())!;
    const want = dy >= 0 ? Math.max(lo, hi - dy) : Math.min(hi, lo - dy);
    await scroller.evaluate((el, by) => el.scrollBy(0, by), box0.y + Math.min(10, box0.height / 2) - want);
    const box = (await block.boundingBox())!;
    const x = box.x + box.width / 2;
    let y = box.y + Math.min(10, box.height / 2);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    let remaining = dy;
    for (let round = 0; round < 20 && remaining !== 0; round++) {
      const step = Math.max(lo - y, Math.min(hi - y, remaining));
      if (step !== 0) {
        y += step;
        remaining -= step;
        await this.page.mouse.move(x + dx, y, { steps: Math.max(2, Math.ceil(Math.abs(step) / 40)) });
      }
      if (remaining === 0) break;
      // At the edge of the safe zone: scroll the content under the pointer, then nudge it so the
      // block follows (the drag places the pointer in the content by how far the grid scrolled).
      const scrolled = await scroller.evaluate((el, by) => {
        const before = el.scrollTop;
        el.scrollBy(0, by);
        return el.scrollTop - before;
      }, remaining);
      if (scrolled === 0) {
        // The day's start or end is in view: nothing can scroll, so the edge is safe to reach.
        y = Math.max(area.top + 2, Math.min(area.bottom - 2, y + remaining));
        await this.page.mouse.move(x + dx, y, { steps: 3 });
        break;
      }
      remaining -= scrolled;
      await this.page.mouse.move(x + dx, y + (remaining >= 0 ? -1 : 1));
      await this.page.mouse.move(x + dx, y);
    }
    await this.page.mouse.up();
  }
}

/** How far from the grid's visible edges a drag keeps the pointer (the edge-scroll zone is 48 px). */
const DRAG_MARGIN_PX = 96;
