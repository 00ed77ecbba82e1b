/**
 * A Companion wired for tests: the simulator line, given directories, a real journal in a
 * temporary folder, the bundled templates, and a hand-driven scheduler (or a FakeClock).
 * Links and callbacks are dialled at once and popups stay open unless the test's settings name
 * `links` or `popup` (the app's defaults ask before dialling links and close popups after 10 s).
 */
import path from 'node:path';
import { Companion } from '../companion/companion.js';
import { Blocklist } from '../companion/blocklist.js';
import { createPopupBuilder } from '../companion/create-companion.js';
import { PickMemory } from '../companion/pick-memory.js';
import { ReconnectPolicy } from '../companion/reconnect-policy.js';
import { ContactLookup } from '../contacts/contact-lookup.js';
import type { Directory } from '../contacts/directory.js';
import type { CompanionEvent } from '../contract/channels.js';
import { CallJournal } from '../journal/call-journal.js';
import { bundledTemplatesDir, TemplateStore } from '../popup/template-store.js';
import { defaultSettings, type Settings } from '../settings/load-settings.js';
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
  /** Tasks the Companion scheduled (reconnects), to run by hand. */
  readonly scheduled: { task: () => void; ms: number }[];
  /** Waits until the Companion has published an event matching `match`. */
  until(match: (event: CompanionEvent) => boolean): Promise<CompanionEvent>;
}

export async function companionHarness(
  dataDir: string,
  directories: Directory[],
  settings: Partial<Settings> = {},
  clock?: FakeClock,
): Promise<Harness> {
  const full: Settings = { ...defaultSettings('DE'), dialingRules: DUESSELDORF, ...settings };
  const line = new SimulatorProvider({ line: '12' });
  const journalFile = path.join(dataDir, 'journal.jsonl');
  const journal = await CallJournal.open(journalFile);
  const warnings: string[] = [];
  const events: CompanionEvent[] = [];
  const scheduled: { task: () => void; ms: number }[] = [];
  const environment = {
    dataDir,
    templatesDir: bundledTemplatesDir(),
    locale: 'en-GB',
    onWarning: (m: string) => warnings.push(m),
  };
  let ids = 0;
  const companion = new Companion({
    rules: full.dialingRules,
    provider: line,
    directories,
    lookup: new ContactLookup(directories, { timeoutMs: full.lookup.timeoutMs }),
    journal,
    popups: createPopupBuilder(full, new TemplateStore(environment.templatesDir), environment),
    blocklist: new Blocklist(full.blocklist, full.dialingRules),
    picks: await PickMemory.open(path.join(dataDir, 'picks.json')),
    reconnect: new ReconnectPolicy({ random: () => 0.5 }),
    now: clock?.now ?? Date.now,
    newId: () => `record-${++ids}`,
    schedule:
      clock?.schedule ??
      ((task, ms) => {
        const entry = { task, ms };
        scheduled.push(entry);
        return () => scheduled.splice(scheduled.indexOf(entry), 1);
      }),
    onWarning: (message) => warnings.push(message),
    confirmDials: {
      links: settings.links?.confirm ?? false,
      callbacks: settings.links?.confirmCallbacks ?? false,
    },
    autoCloseSeconds: settings.popup?.autoCloseSeconds ?? 0,
  });
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
    line,
    journal,
    journalFile,
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
