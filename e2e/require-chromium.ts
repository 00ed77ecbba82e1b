/**
 * Chromium is a system package here. Locally a missing browser skips the e2e tests with a loud
 * message; with CI=true it fails them, because CI must install what the tests need.
 */
import { existsSync } from 'node:fs';
import { test } from '@playwright/test';
import { chromiumPath } from '../playwright.config.js';

export function requireChromium(): void {
  const present = existsSync(chromiumPath);
  if (!present && process.env.CI !== 'true') {
    process.stderr.write(
      `\n!!! SKIPPING end-to-end tests: Chromium not found at ${chromiumPath}.\n` +
        '!!! Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.\n\n',
    );
  }
  test.skip(!present && process.env.CI !== 'true', `Chromium missing at ${chromiumPath}`);
}
