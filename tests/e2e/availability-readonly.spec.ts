import { expect, test } from './fixtures.ts';
import { AvailabilityPage } from './pages/availability-page.ts';

test.describe('availability (receptionist)', () => {
  test('shows the week read-only', async ({ page, host }) => {
    const avail = new AvailabilityPage(page, host);
    await avail.openScreen();
    await expect(avail.screen).toContainText('Only an admin or a manager can change availability.');
    await expect(avail.editToggle).toHaveCount(0);
  });
});
