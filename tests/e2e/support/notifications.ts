import { expect, type Page } from '@playwright/test';

/** Toasts pile up in the corner and would hide what a screenshot is meant to show. */
export async function dismissNotifications(page: Page) {
  const toasts = page.locator('.mantine-Notification-root');
  // They also close by themselves and slide while closing, so a click may miss: retry until none is left.
  await expect(async () => {
    if ((await toasts.count()) > 0) {
      await toasts.first().locator('.mantine-Notification-closeButton').click({ timeout: 1_000 });
    }
    await expect(toasts).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // A pointer left over the corner would keep the next toasts open.
  await page.mouse.move(600, 10);
}
