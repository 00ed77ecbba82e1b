/**
 * What every screen must pass, in Chromium: axe-core finds nothing (no rule disabled, nothing
 * excluded); nothing scrolls sideways at 320 CSS px (WCAG 1.4.10 reflow); and in German, no
 * English word is left and no word is broken in the middle at 1,000 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { POPUP_TEXT } from '../electron/popup/popup-text.js';
import { englishLeft, englishOnlyWords } from '../renderer/src/i18n/english-left.js';
import { CATALOGS } from '../renderer/src/i18n/i18n.js';

/** axe-core on the whole page, every rule on. */
export async function expectAxeClean(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? ''}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
  expect(found, `axe on ${screen}`).toEqual([]);
}

/** At 320 CSS px wide the page does not scroll sideways; the viewport is put back after. */
export async function expectReflow(page: Page, screen: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  // The layout follows media queries (cards below 640 px) on the next frames.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && rect.right > width + 0.5 && getComputedStyle(element).position !== 'fixed';
      })
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 3)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.slice(0, 40)}`,
      );
    return { scroll: document.documentElement.scrollWidth - width, over };
  });
  expect(wide, `reflow of ${screen} at 320 px`).toEqual({ scroll: 0, over: [] });
  if (before !== null) await page.setViewportSize(before);
}

const ENGLISH_ONLY = englishOnlyWords(
  [...Object.values(CATALOGS.en), ...Object.values(POPUP_TEXT.en)],
  [...Object.values(CATALOGS.de), ...Object.values(POPUP_TEXT.de)],
);

/**
 * Every text a German agent can see or hear on the page (text, labels, placeholders, titles,
 * options) holds no English-only word. Data is not the UI's: `data` strings (the test's own
 * contacts and directory names), addresses, e-mail addresses, file paths (also in brackets or
 * quotes) and code are left out.
 */
export async function expectGermanOnly(
  page: Page,
  screen: string,
  data: readonly string[] = [],
): Promise<void> {
  const texts = await page.evaluate(() => {
    const hidden = (element: Element) =>
      element.closest('code, kbd, script, style, textarea, [data-testid="popup-preview"] .rd-source');
    const seen: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent !== null && hidden(parent) === null) seen.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value !== null) seen.push(value);
      }
    }
    // A select's options are the UI's; a datalist's are the countries' names from CLDR ("Isle of Man").
    for (const option of document.querySelectorAll('select option')) {
      const { label, value } = option as HTMLOptionElement;
      seen.push(label || value);
    }
    return seen;
  });
  let text = texts.join('\n');
  for (const each of data) text = text.split(each).join(' ');
  // A file path is data too, also in brackets or quotes: a temporary folder's random name
  // ("/tmp/ringdesk-e2e-site-9a3XqZ") must not read as the English word "a".
  text = text.replace(/https?:\/\/\S+|\S+@\S+|\b[\w-]+(\.[\w-]+)+\b|(^|[\s("'“„«])\/[^\s)"'”“»]*/g, ' ');
  expect(englishLeft(text, ENGLISH_ONLY), `English left on ${screen}`).toEqual([]);
}

/**
 * No word of the page's text is split over two lines ("Ausgehen|d", "VERPASS|T"). Paths and
 * addresses are data, not words: a temporary folder's random name may wrap where it must.
 */
export async function expectNoBrokenWords(page: Page, screen: string): Promise<void> {
  const broken = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        // A path, an address or an e-mail address is data: it may wrap anywhere, as it must to fit.
        if (/[/\\@]/.test(match[0])) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
  expect(broken, `words broken on ${screen}`).toEqual([]);
}
