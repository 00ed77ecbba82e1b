import { expect, test } from '@playwright/test';
import { requireChromium } from './require-chromium.js';

requireChromium();

test('the renderer loads under its strict CSP without errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto('http://127.0.0.1:4173/');
  await expect(page.getByRole('heading', { name: 'Ringdesk' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Waiting for the line…');
  expect(problems).toEqual([]);
});
