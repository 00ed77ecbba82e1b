/**
 * A Companion wired for tests through the same `createCompanion` every face uses: the simulator
 * line, the directories the test hands in, a real journal in a temporary folder, the bundled
 * templates, and one clock: a FakeClock, or else a hand-driven one whose tasks the test runs
 * (`scheduled`). Links and callbacks are dialled at once and popups stay open unless the test's
 * settings name `links` or `popup` (the app's defaults ask before dialling links and close popups
 * after 10 s).
 */
import path from 'node:path';
import type { Companion } from '../companion/companion.js';
import { createCompanion } from '../companion/create-companion.js';
import type { Directory } from '../contacts/directory.js';
import type { CompanionEvent } from '../contract/channels.js';
import type { CallJournal } from '../journal/call-journal.js';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { defaultSettings, type Settings } from '../companion/settings/load-settings.js';
import type { Clock } from '../shared/clock.js';
import { SimulatorProvider } from '../telephony/simulator-provider.js';
import type { FakeClock } from './fake-clock.js';
import { DUESSELDORF } from './rules.js';

export interface Harness {
  readonly companion: Companion;
  readonly line: SimulatorProvider;
  readonly journal: CallJournal;
  readonly journalFile: string;
  readonly events: CompanionEvent[];
  readonly warnings: string[];
  /** Tasks the Companion scheduled (reconnects), to run by hand (when no FakeClock was given). */
  readonly scheduled: { task: () => void; ms: number }[];
  /** Waits until the Companion has published an event matching `match`. */
  until(match: (event: CompanionEvent) => boolean): Promise<CompanionEvent>;
}

/** A clock whose timers wait in `scheduled` until the test runs them. */
function handDriven(scheduled: { task: () => void; ms: number }[]): Clock {
  return {
    now: Date.now,
    schedule: (task, ms) => {
      const entry = { task, ms };
      scheduled.push(entry);
      return () => {
        const at = scheduled.indexOf(entry);
        if (at >= 0) scheduled.splice(at, 1);
      };
    },
  };
}

export async function companionHarness(
  dataDir: string,
  directories: Directory[],
  settings: Partial<Settings> = {},
  clock?: FakeClock,
): Promise<Harness> {
  const defaults = defaultSettings('DE');
  const full: Settings = {
    ...defaults,
    dialingRules: DUESSELDORF,
    line: { provider: 'simulator', line: '12' },
    links: { ...defaults.links, confirm: false, confirmCallbacks: false },
    popup: { ...defaults.popup, autoCloseSeconds: 0 },
    ...settings,
  };
  const warnings: string[] = [];
  const events: CompanionEvent[] = [];
  const scheduled: { task: () => void; ms: number }[] = [];
  const parts = await createCompanion(full, {
    dataDir,
    templatesDir: bundledTemplatesDir(),
    locale: 'en-GB',
    onWarning: (message) => warnings.push(message),
    clock: clock ?? handDriven(scheduled),
    directories,
  });
  const { companion } = parts;
  if (!(parts.provider instanceof SimulatorProvider)) throw new Error('the harness runs on the simulator');
  const waiters: { match: (event: CompanionEvent) => boolean; resolve: (event: CompanionEvent) => void }[] =
    [];
  companion.onEvent((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  await companion.start();
  return {
    companion,
    line: parts.provider,
    journal: parts.journal,
    journalFile: path.join(dataDir, 'journal.jsonl'),
    events,
    warnings,
    scheduled,
    until: (match) => {
      const seen = events.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}
