/**
 * The browser tab as a signal: a ringing call names the caller in the tab's title and favicon,
 * and, while the page is hidden, raises a Web Notification, once the agent allowed it from a
 * button (never asked on load). The browser's Notification and the page's visibility are stood
 * in for by an init script (a headless page is never hidden, and the OS shows notifications):
 * the stand-in records what the page asked for.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture.js';

interface Recorded {
  readonly asked: number;
  readonly shown: { title: string; body: string; tag: string }[];
}

/** Replaces Notification (permission `permission`) and document.hidden with recorders. */
function standIn(permission: NotificationPermission) {
  return `(() => {
    const record = { asked: 0, shown: [], permission: ${JSON.stringify(permission)}, hidden: false };
    window.__notifications = record;
    class StandInNotification {
      static get permission() { return record.permission; }
      static requestPermission() { record.asked += 1; record.permission = 'granted'; return Promise.resolve('granted'); }
      constructor(title, options) { record.shown.push({ title, body: options.body, tag: options.tag }); }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: StandInNotification, configurable: true });
    Object.defineProperty(Document.prototype, 'hidden', { get: () => record.hidden, configurable: true });
  })();`;
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notifications: Recorded }).__notifications);

test('a ringing call names the caller in the tab, and is announced while the page is hidden', async ({
  page,
  host,
}) => {
  await page.addInitScript(standIn('default'));
  await page.goto(host.url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  await expect(page).toHaveTitle('Ringdesk');
  // Nothing is asked on load; the button asks once, from the agent's click.
  const ask = page.getByRole('button', { name: 'Notify me of calls when this tab is hidden' });
  await expect(ask).toBeVisible();
  expect((await recorded(page)).asked).toBe(0);
  await ask.click();
  await expect(page.getByText('Calls are announced while this tab is hidden.')).toBeVisible();
  expect((await recorded(page)).asked).toBe(1);

  // Visible page: the title says who rings, no notification.
  const visible = await host.incoming('0211 5551111');
  await expect(page).toHaveTitle('Call from Anna Becker · Ringdesk');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('data-state', 'ringing');
  await host.hangup(visible);
  await expect(page).toHaveTitle('Ringdesk');

  // Hidden page: one notification per ringing call, once its lookup is done.
  await page.evaluate(() => {
    (window as unknown as { __notifications: { hidden: boolean } }).__notifications.hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const hidden = await host.incoming('0211 5551111');
  await expect
    .poll(async () => (await recorded(page)).shown)
    .toEqual([{ title: 'Call from Anna Becker', body: '0211 5551111', tag: hidden }]);
  await host.answer(hidden);
  await expect(page).toHaveTitle('Ringdesk');
  // The one announced call was the hidden one; the visible one never was.
  expect((await recorded(page)).shown.map((each) => each.tag)).toEqual([hidden]);
});
