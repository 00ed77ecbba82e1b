/**
 * The whole Companion on an `ami` line: a {@link FakeAsterisk} behind a real loopback TCP server
 * (ami-replay-server.ts), `createCompanion` as every face uses it, a real journal in a temporary
 * folder and the bundled templates. A test sends Asterisk's events and reads what the agent sees:
 * the popups and the journal.
 */
import path from 'node:path';
import type { Companion } from '../companion/companion.js';
import { createCompanion } from '../companion/create-companion.js';
import { defaultSettings, type Settings } from '../companion/settings/load-settings.js';
import type { Directory } from '../contacts/directory.js';
import type { CompanionEvent } from '../contract/channels.js';
import type { JournalRecord, PopupModel } from '../contract/models.js';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { systemClock } from '../shared/clock.js';
import type { LineProvider } from '../telephony/line-provider.js';
import { amiLineSchema, type AmiLineInput } from '../telephony/ami/ami-settings.js';
import { FakeAsterisk, type FakeAsteriskSession, type FakeHint } from './ami-fake-asterisk.js';
import { AmiReplayServer } from './ami-replay-server.js';
import { DUESSELDORF } from './rules.js';

export interface AmiCompanionRig {
  readonly companion: Companion;
  readonly provider: LineProvider;
  readonly session: FakeAsteriskSession;
  readonly asterisk: FakeAsterisk;
  readonly events: CompanionEvent[];
  readonly journalFile: string;
  /** Waits until the Companion published an event matching `match`. */
  until(match: (event: CompanionEvent) => boolean): Promise<CompanionEvent>;
  /** Waits for the journal record of call `callId`. */
  journaled(callId: string): Promise<JournalRecord>;
  /** The popups call `callId` showed, in order. */
  popups(callId: string): PopupModel[];
  close(): Promise<void>;
}

/**
 * Starts Asterisk on loopback and a Companion watching `line` on it (default 7002); with
 * `hints`, Asterisk lists them (`ExtensionStateList`), else it cannot (as Asterisk 11).
 */
export async function amiCompanionRig(
  dataDir: string,
  directories: Directory[],
  line: Partial<AmiLineInput> = {},
  settings: Partial<Settings> = {},
  hints?: readonly FakeHint[],
): Promise<AmiCompanionRig> {
  const asterisk = new FakeAsterisk({
    username: 'ringdesk',
    secret: 's3cret',
    ...(hints === undefined ? {} : { hints }),
  });
  const server = await AmiReplayServer.start(asterisk);
  const defaults = defaultSettings('DE');
  const parts = await createCompanion(
    {
      ...defaults,
      dialingRules: DUESSELDORF,
      line: amiLineSchema.parse({
        provider: 'ami',
        host: '127.0.0.1',
        port: server.port,
        username: 'ringdesk',
        secret: { env: 'AMI_SECRET' },
        line: '7002',
        pingIntervalMs: 600_000,
        ...line,
      }),
      popup: { ...defaults.popup, autoCloseSeconds: 0 },
      ...settings,
    },
    {
      dataDir,
      templatesDir: bundledTemplatesDir(),
      locale: 'en-GB',
      onWarning: () => undefined,
      clock: systemClock,
      directories,
      env: { AMI_SECRET: 's3cret' },
    },
  );
  const events: CompanionEvent[] = [];
  const waiters: { match: (event: CompanionEvent) => boolean; resolve: (event: CompanionEvent) => void }[] =
    [];
  parts.companion.onEvent((event) => {
    events.push(event);
    for (const waiter of [...waiters])
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
  });
  await parts.companion.start();
  const session = await asterisk.session();
  const until = (match: (event: CompanionEvent) => boolean) => {
    const seen = events.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<CompanionEvent>((resolve) => waiters.push({ match, resolve }));
  };
  return {
    companion: parts.companion,
    provider: parts.provider,
    session,
    asterisk,
    events,
    journalFile: path.join(dataDir, 'journal.jsonl'),
    until,
    journaled: async (callId) =>
      (await until((event) => event.channel === 'journal' && event.payload.callId === callId))
        .payload as JournalRecord,
    popups: (callId) =>
      events.flatMap((event) =>
        event.channel === 'popup' && event.payload.callId === callId ? [event.payload] : [],
      ),
    close: async () => {
      await parts.companion.stop();
      await server.close();
    },
  };
}
