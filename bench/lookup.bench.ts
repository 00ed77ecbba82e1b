/**
 * Lookup across three directories, one of them slow: the popup must show the first contact as
 * soon as the fastest directory answers, not when the slowest does. Measured through the
 * Companion (line event → popup with a contact), 30 calls, against the fastest directory's own
 * answer time in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Contact } from '../electron/contacts/contact.js';
import type { Directory } from '../electron/contacts/directory.js';
import type { PopupModel } from '../electron/contract/models.js';
import { companionHarness } from '../electron/test-support/companion-harness.js';
import { median, type BenchResult } from './measure.js';

const DELAYS = { fast: 20, medium: 120, slow: 900 };

function delayed(name: string, delayMs: number, answer: (e164: string) => Contact[]): Directory {
  return {
    name,
    kind: 'bench',
    lookup: (e164) => new Promise((resolve) => setTimeout(() => resolve(answer(e164)), delayMs)),
    list: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
}

const person = (name: string, e164: string, directory: string): Contact => ({
  name,
  company: null,
  phones: [{ type: 'work', raw: e164, e164 }],
  email: null,
  directory,
  id: name,
  department: null,
  title: null,
});

export async function benchLookup(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-bench-lookup-'));
  try {
    const harness = await companionHarness(
      dir,
      [
        delayed('Slow LDAP', DELAYS.slow, (e164) => [person('From LDAP', e164, 'Slow LDAP')]),
        delayed('Helpdesk', DELAYS.medium, (e164) => [person('From helpdesk', e164, 'Helpdesk')]),
        delayed('Address book', DELAYS.fast, (e164) => [person('From book', e164, 'Address book')]),
      ],
      { lookup: { timeoutMs: 2000, cacheTtlMs: 0, negativeCacheTtlMs: 0 } },
    );
    const firstMs: number[] = [];
    const allMs: number[] = [];
    for (let call = 0; call < 30; call++) {
      const started = performance.now();
      const callId = harness.line.incoming(`0211 55${String(10_000 + call)}`);
      const isCall =
        (match: (popup: PopupModel) => boolean) => (event: { channel: string; payload: unknown }) =>
          event.channel === 'popup' &&
          (event.payload as PopupModel).callId === callId &&
          match(event.payload as PopupModel);
      await harness.until(isCall((popup) => popup.contacts.length > 0));
      firstMs.push(performance.now() - started);
      await harness.until(isCall((popup) => popup.lookup === 'done'));
      allMs.push(performance.now() - started);
      harness.line.hangup(callId);
    }
    await harness.companion.stop();
    const first = median(firstMs);
    return [
      {
        name: `lookup: three directories (${DELAYS.fast}/${DELAYS.medium}/${DELAYS.slow} ms), time to the first contact in the popup`,
        goal: 'first popup ≈ fastest directory (ratio < 1.5), not the slowest',
        met: first / DELAYS.fast < 1.5,
        firstContactP50Ms: Number(first.toFixed(1)),
        fastestDirectoryMs: DELAYS.fast,
        slowestDirectoryMs: DELAYS.slow,
        allAnsweredP50Ms: Number(median(allMs).toFixed(1)),
        ratioToFastest: Number((first / DELAYS.fast).toFixed(2)),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
