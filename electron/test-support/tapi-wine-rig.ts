/**
 * The `tapi` provider on the real bridge under Wine (see tapi-wine.ts), for end-to-end tests:
 * writes the mock tapi32.dll's script (native/tapi-bridge/mock/mock-script.h), starts a
 * provider on a session, records its line events and the call changes a CallTracker makes of
 * them, and talks the raw protocol to a bridge when a test checks the messages themselves.
 */
import { CallTracker, type CallChange } from '../telephony/call-tracker.js';
import { createTapiProvider } from '../telephony/tapi/create-tapi-provider.js';
import { LineFramer } from '../telephony/tapi/line-framer.js';
import type { TapiProvider } from '../telephony/tapi/tapi-provider.js';
import { tapiLineSchema, type TapiLineInput } from '../telephony/tapi/tapi-settings.js';
import { DUESSELDORF } from './rules.js';
import { LineEventLog } from './tapi-line-events.js';
import type { WineSession } from './tapi-wine.js';

/** The mock's lines in these tests: device 0 and device 1. */
export const WINE_LINES = [
  ['line', 'Büro "Empfang"'],
  ['line', 'Hotline'],
];

/** A mock script: one row per directive, fields separated by tabs. */
export function mockScript(...rows: string[][]): string {
  return [...WINE_LINES, ...rows].map((row) => row.join('\t')).join('\n');
}

/** A provider on `session` watching device 0, with its events and call changes recorded. */
export function startWineProvider(session: WineSession, settings: Partial<TapiLineInput> = {}) {
  const provider: TapiProvider = createTapiProvider(
    tapiLineSchema.parse({ provider: 'tapi', line: 'Büro "Empfang"', startTimeoutMs: 90_000, ...settings }),
    { defaultBridgePath: session.bridgePath, spawn: session.spawn, rules: DUESSELDORF, closeGraceMs: 20_000 },
  );
  const changes: CallChange[] = [];
  const tracker = new CallTracker(() => 0);
  provider.onEvent((event) => {
    const change = tracker.handle(event);
    if (change !== null) changes.push(change);
  });
  return { provider, log: new LineEventLog(provider), changes, tracker };
}

/** A bridge spoken to in raw protocol lines: every message it sent, and a way to wait for more. */
export function rawBridge(session: WineSession) {
  const bridge = session.spawn(session.bridgePath);
  const framer = new LineFramer(1024 * 1024);
  const messages: Record<string, unknown>[] = [];
  const waiters: { match: (m: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  bridge.stdout.on('data', (chunk: Buffer) => {
    for (const line of framer.push(chunk)) messages.push(JSON.parse(line) as Record<string, unknown>);
    for (const waiter of [...waiters]) {
      if (!messages.some(waiter.match)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => {
    bridge.onExit((code) => resolve(code));
  });
  return {
    messages,
    send: (request: Record<string, unknown>) => bridge.stdin.write(`${JSON.stringify(request)}\n`),
    /** Waits until a message `match` accepts has come. */
    until: (match: (m: Record<string, unknown>) => boolean) =>
      messages.some(match)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ match, resolve })),
    /** Ends its input and waits for the exit code. */
    end: () => {
      bridge.stdin.end();
      return exited;
    },
  };
}
