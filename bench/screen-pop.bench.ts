/**
 * Screen pop: from the simulator's incoming-call event to the popup showing the caller's name
 * in Chromium, through the whole app (Companion, lookup in a 10,000-contact address book,
 * template, WebSocket, React), p50 and p95 over 200 calls. Goal, as a ratio so that load on the
 * machine counts for both alike: p95 at most twice the baseline's p95 (on a quiet machine that is
 * well under 100 ms).
 *
 * Baseline, measured in the same page: an HTTP round trip to the host plus a DOM update seen by
 * the same MutationObserver, the least any screen pop through a browser costs.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { rendererDir } from '../electron/cli/app-paths.js';
import { createCompanion } from '../electron/companion/create-companion.js';
import { fixedRuntime } from '../electron/companion/companion-runtime.js';
import { newApiKey } from '../electron/host/api-key.js';
import { HeadlessHost } from '../electron/host/headless-host.js';
import { bundledTemplatesDir } from '../electron/popup/template-store.js';
import { loadSettings } from '../electron/companion/settings/load-settings.js';
import { SimulatorProvider } from '../electron/telephony/simulator-provider.js';
import { median, type BenchResult } from './measure.js';
import { rawPhones } from './synthetic-book.js';

const CALLS = 200;
const BOOK = 10_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Runs in the page (as text: the bench runs through tsx, whose helpers do not exist there).
 * Rings the line through the control API and waits for the name; then times the baseline.
 */
const IN_PAGE = `async ({ from, name }) => {
  const appeared = (test) => new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (test()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); reject(new Error('not shown within 5 s: ' + name)); }, 5000);
  });
  const named = () => [...document.querySelectorAll('section.popup h2')].some((h) => h.textContent === name);
  const start = performance.now();
  const shown = appeared(named);
  const response = await fetch('/api/sim/incoming', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from }),
  });
  const { callId } = await response.json();
  const pop = (await shown) - start;
  const marker = 'baseline-' + callId;
  const baseStart = performance.now();
  const seen = appeared(() => document.getElementById(marker) !== null);
  await (await fetch('/api/status')).json();
  const element = document.createElement('span');
  element.id = marker;
  document.body.append(element);
  const base = (await seen) - baseStart;
  element.remove();
  return { callId, pop, base };
}`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function benchScreenPop(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM) || !existsSync(path.join(rendererDir(), 'index.html'))) {
    process.stderr.write(
      `SKIP screen pop: needs Chromium at ${CHROMIUM} and a built renderer (npm run build)\n`,
    );
    return [];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-bench-'));
  const rows = ['Name,Business Phone'];
  for (let i = 0; i < BOOK; i++) rows.push(`Person ${i},${rawPhones(i)[0]?.raw ?? ''}`);
  writeFileSync(path.join(dir, 'book.csv'), rows.join('\n'));
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      dialingRules: {
        countryCode: '49',
        areaCode: '211',
        baseNumber: '339903',
        extensionMaxLength: 3,
        outsideLineAccess: '0',
      },
      directories: [{ type: 'csv', path: 'book.csv' }],
    }),
  );
  const settings = await loadSettings(path.join(dir, 'config.json'), { defaultRegion: 'DE', required: true });
  const parts = await createCompanion(settings, {
    dataDir: dir,
    templatesDir: bundledTemplatesDir(),
    locale: 'de-DE',
    onWarning: () => undefined,
  });
  await parts.companion.start();
  const key = newApiKey();
  const host = new HeadlessHost({
    runtime: fixedRuntime(parts.companion, parts.provider),
    settings: null,
    rendererDir: rendererDir(),
    key,
  });
  const url = await host.start();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}?key=${key}`);
    await page.getByText('Line 12', { exact: false }).or(page.getByText('connected')).first().waitFor();
    const popMs: number[] = [];
    const baseMs: number[] = [];
    for (let call = 0; call < CALLS + 10; call++) {
      // Contacts whose stored number is unique to them (forms 0..3 of the synthetic book).
      const i = ((call * 37) % (BOOK / 8)) * 8 + (call % 4);
      const args = { from: rawPhones(i)[0]?.raw ?? '', name: `Person ${i}` };
      const measured = await page.evaluate<{ callId: string; pop: number; base: number }>(
        `(${IN_PAGE})(${JSON.stringify(args)})`,
      );
      if (call >= 10) {
        popMs.push(measured.pop);
        baseMs.push(measured.base);
      }
      if (parts.provider instanceof SimulatorProvider) parts.provider.hangup(measured.callId);
      parts.companion.dismissPopup(measured.callId);
    }
    const p95 = percentile(popMs, 95);
    const ratio = p95 / percentile(baseMs, 95);
    return [
      {
        name: `screen pop: simulator event to the caller's name in Chromium (${CALLS} calls, ${BOOK.toLocaleString('en')}-contact book)`,
        goal: 'p95 ≤ 2x the baseline p95 (an HTTP round trip and a DOM update in the same page)',
        met: ratio <= 2,
        p50Ms: Number(median(popMs).toFixed(1)),
        p95Ms: Number(p95.toFixed(1)),
        baselineP50Ms: Number(median(baseMs).toFixed(1)),
        baselineP95Ms: Number(percentile(baseMs, 95).toFixed(1)),
        ratioP95ToBaseline: Number(ratio.toFixed(2)),
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
    await parts.companion.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
