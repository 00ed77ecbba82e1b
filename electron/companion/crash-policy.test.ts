import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { defaultSettings } from './settings/load-settings.js';
import { SimulatorProvider } from '../telephony/simulator-provider.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { CompanionRuntime } from './companion-runtime.js';
import { createCompanion } from './create-companion.js';
import { installCrashPolicy, RECOVERY_TEXT, type RecoveryNotice } from './crash-policy.js';

const tempDir = useTempDir();

function simulator(runtime: CompanionRuntime): SimulatorProvider {
  const line = runtime.provider;
  if (!(line instanceof SimulatorProvider)) throw new Error('expected the simulator');
  return line;
}

async function setUp(options: { restartFails?: boolean; locale?: string } = {}) {
  const dataDir = tempDir();
  const environment = {
    dataDir,
    templatesDir: bundledTemplatesDir(),
    locale: 'en-GB',
    env: {},
    onWarning: () => undefined,
  };
  let builds = 0;
  const runtime = await CompanionRuntime.start(
    { ...defaultSettings('DE'), line: { provider: 'simulator', line: '12' } },
    (settings) => {
      builds += 1;
      if (builds > 1 && options.restartFails === true) return Promise.reject(new Error('the line is gone'));
      return createCompanion(settings, environment);
    },
  );
  const process = new EventEmitter();
  const logged: string[] = [];
  const told: RecoveryNotice[] = [];
  const fatal: string[] = [];
  let time = 0;
  const uninstall = installCrashPolicy({
    process,
    restart: () => runtime.restart(),
    stop: () => runtime.stop(),
    log: (message) => logged.push(message),
    tell: (notice) => told.push(notice),
    onFatal: (reason) => fatal.push(reason),
    locale: () => options.locale ?? 'en-GB',
    now: () => time,
  });
  return {
    runtime,
    process,
    logged,
    told,
    fatal,
    uninstall,
    journal: path.join(dataDir, 'journal.jsonl'),
    advance: (ms: number) => (time += ms),
  };
}

describe('the process-level policy for errors that escaped every handler', () => {
  it('logs the error, flushes the journal and restarts the runtime, and tells the agent', async () => {
    const { runtime, process, logged, told, fatal, journal, uninstall } = await setUp({ locale: 'de-DE' });
    const before = runtime.companion;
    const callId = simulator(runtime).incoming('0211 5551234');
    process.emit('uncaughtException', new Error('a handler broke'));
    await expect.poll(() => told.length).toBe(1);
    expect(logged[0]).toMatch(
      /^ringdesk: unexpected error \(uncaught exception, while watching\): Error: a handler broke\n/,
    );
    expect(told).toEqual([
      { kind: 'restarted', title: RECOVERY_TEXT.de.restartedTitle, body: RECOVERY_TEXT.de.restarted },
    ]);
    // The ringing call was closed into the journal, on disk, before the fresh line started.
    expect(readFileSync(journal, 'utf8')).toContain(`"callId":"${callId}"`);
    expect(runtime.companion).not.toBe(before);
    expect(runtime.provider.state).toBe('connected');
    // The fresh runtime works.
    const next = simulator(runtime).incoming('0211 5559999');
    await expect.poll(() => runtime.companion.snapshot().popups.map((popup) => popup.callId)).toContain(next);
    expect(fatal).toEqual([]);
    uninstall();
    await runtime.stop();
  });

  it('handles an unhandled rejection the same way', async () => {
    const { runtime, process, logged, told, uninstall } = await setUp();
    process.emit('unhandledRejection', 'a promise nobody awaited');
    await expect.poll(() => told.map((notice) => notice.kind)).toEqual(['restarted']);
    expect(logged[0]).toBe(
      'ringdesk: unexpected error (unhandled rejection, while watching): a promise nobody awaited',
    );
    uninstall();
    await runtime.stop();
  });

  it('stops the face, after flushing, when the runtime cannot restart', async () => {
    const { process, logged, told, fatal } = await setUp({ restartFails: true });
    process.emit('uncaughtException', new Error('first'));
    await expect.poll(() => fatal.length).toBe(1);
    expect(fatal[0]).toMatch(/the line could not be restarted: .*the line is gone/);
    expect(told.map((notice) => notice.kind)).toEqual(['stopping']);
    expect(
      logged.some((line) => line.startsWith('ringdesk: stopping: the line could not be restarted')),
    ).toBe(true);
  });

  it('stops the face when errors keep coming, instead of restarting forever', async () => {
    const { runtime, process, told, fatal, advance, uninstall } = await setUp();
    for (let round = 1; round <= 3; round++) {
      process.emit('uncaughtException', new Error(`round ${round}`));
      await expect.poll(() => told.length).toBe(round);
      advance(1000);
    }
    process.emit('uncaughtException', new Error('round 4'));
    await expect.poll(() => fatal).toEqual(['4 unexpected errors within 60 s']);
    expect(told.at(-1)?.kind).toBe('stopping');
    uninstall();
    expect(runtime.provider.state).toBe('disconnected');
  });
});
