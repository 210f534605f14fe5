import { expect, type Locator, type Page } from '@playwright/test';
import type { IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { Host } from '../fixtures.ts';
import { DaySchedulePage } from './day-schedule-page.ts';

export type EditorTab = 'hours' | 'rooms' | 'types' | 'closures';

/** The Availability screen: week grid, all-doctors day view and the manager-only editors. */
export class AvailabilityPage extends DaySchedulePage {
  readonly screen: Locator;
  readonly editToggle: Locator;
  readonly orphans: Locator;
  readonly dayView: Locator;
  readonly finder: Locator;
  readonly bookingDialog: Locator;

  constructor(page: Page, host: Host) {
    super(page, host);
    this.screen = page.getByTestId('availability-screen');
    this.editToggle = this.screen.getByTestId('edit-availability');
    this.orphans = this.screen.getByTestId('orphans');
    this.dayView = this.screen.getByTestId('day-view');
    this.finder = this.screen.getByTestId('free-slot-finder');
    this.bookingDialog = page.getByTestId('booking-dialog');
  }

  /** Opens the app and goes to Availability with Alt+2. */
  async openScreen(): Promise<void> {
    await this.open();
    await this.page.keyboard.press('Alt+2');
    await expect(this.screen).toBeVisible();
  }

  /** Turns editing on and opens one editor tab with the keyboard (←/→ on the tab list). */
  async openEditor(tab: EditorTab): Promise<Locator> {
    await this.editToggle.click();
    const tabs = this.screen.getByRole('tablist');
    await expect(tabs).toBeVisible();
    await this.screen.getByTestId('editor-tab-hours').focus();
    const order: EditorTab[] = ['hours', 'rooms', 'types', 'closures'];
    for (let i = 0; i < order.indexOf(tab); i++) await this.page.keyboard.press('ArrowRight');
    await expect(this.screen.getByTestId(`editor-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    const ids = { hours: 'week-editor', rooms: 'rooms-editor', types: 'types-editor', closures: 'closures-editor' } as const;
    const editor = this.screen.getByTestId(ids[tab]);
    await expect(editor).toBeVisible();
    return editor;
  }

  async chooseDoctor(doctorId: string): Promise<void> {
    await this.screen.getByTestId('week-doctor').selectOption(doctorId);
  }

  /** The all-doctors view of one day. */
  async showDay(date: IsoDate): Promise<void> {
    await this.screen.getByTestId('mode-day').click();
    await this.screen.getByTestId('avail-date').fill(date);
    await expect(this.dayView).toHaveAttribute('data-date', date);
  }

  dayRow(doctorId: string): Locator {
    return this.dayView.locator(`[data-testid="day-row"][data-doctor-id="${doctorId}"]`);
  }

  /** A labelled field's input inside `scope` (by its visible label). */
  field(scope: Locator, label: string): Locator {
    return scope.getByLabel(label, { exact: true });
  }
}
