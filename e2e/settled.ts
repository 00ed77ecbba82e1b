/**
 * An ordered check that the page has done what a hostile value could have made it do: a broken
 * image added now reports its error only after every image element requested before it has
 * failed, so once the sentinel's error handler ran, any handler of an earlier image (an injected
 * `<img src=x onerror=...>`) would have run too. Used instead of waiting a fixed time.
 */
import type { ConsoleMessage, Page } from '@playwright/test';

const PROBE = 'x-settled-';

export async function imagesSettled(page: Page): Promise<void> {
  await page.evaluate(
    (probe) =>
      new Promise<void>((resolve) => {
        const sentinel = document.createElement('img');
        sentinel.addEventListener('error', () => {
          sentinel.remove();
          resolve();
        });
        sentinel.hidden = true;
        sentinel.src = `${probe}${String(Date.now())}`;
        document.body.append(sentinel);
      }),
    PROBE,
  );
}

/** The console's note of the sentinel's failed load, which is no problem of the page. */
export function isSettledProbe(message: ConsoleMessage): boolean {
  return message.location().url.includes(PROBE);
}
