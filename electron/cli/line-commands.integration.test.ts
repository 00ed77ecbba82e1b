/**
 * A host whose line is a real action-url listener: a PBX's request pops up the caller, and
 * `ringdesk provider log` shows what the PBX sent. And `ringdesk sim replay` on a simulator host.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type CompanionParts } from '../companion/create-companion.js';
import { fixedRuntime } from '../companion/companion-runtime.js';
import { newApiKey } from '../host/api-key.js';
import { HeadlessHost } from '../host/headless-host.js';
import { hostFilePath, writeHostFile } from '../host/host-file.js';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { loadSettings } from '../companion/settings/load-settings.js';
import { ActionUrlProvider } from '../telephony/action-url/action-url-provider.js';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();
const running: { host: HeadlessHost; parts: CompanionParts }[] = [];
afterEach(async () => {
  for (const { host, parts } of running.splice(0)) {
    await host.stop();
    await parts.companion.stop();
  }
});

async function serve(config: object, files: Record<string, string> = {}) {
  const dir = tempDir({ 'config.json': JSON.stringify(config), ...files });
  const settings = await loadSettings(path.join(dir, 'config.json'), { defaultRegion: 'DE', required: true });
  const parts = await createCompanion(settings, {
    dataDir: dir,
    templatesDir: bundledTemplatesDir(),
    locale: 'de-DE',
    onWarning: () => undefined,
    env: {},
  });
  await parts.companion.start();
  const key = newApiKey();
  const host = new HeadlessHost({
    runtime: fixedRuntime(parts.companion, parts.provider),
    settings: null,
    rendererDir: dir,
    key,
  });
  running.push({ host, parts });
  const url = await host.start();
  // As `ringdesk serve` announces it: the CLI takes the key from the profile's host file.
  await writeHostFile(hostFilePath(dir), { key, url });
  return { url, parts, dir, io: () => memoryCliIo({ env: { RINGDESK_HOME: dir } }) };
}

describe('line commands against a running host', () => {
  it('pops up a caller a PBX reports, and shows the request in provider log', async () => {
    const token = 'pbx-token-0123456789';
    const {
      url,
      parts,
      io: cliIo,
    } = await serve(
      {
        dialingRules: { countryCode: '49', areaCode: '211' },
        line: { provider: 'action-url', listen: '127.0.0.1:0', token, kix: {} },
        directories: [{ type: 'csv', path: 'book.csv' }],
      },
      { 'book.csv': 'Name,Phone\nAnna Becker,0211 5551111\n' },
    );
    if (!(parts.provider instanceof ActionUrlProvider)) throw new Error('expected the action-url line');
    const listener = parts.provider.address()!;
    await fetch(
      `http://127.0.0.1:${listener.port}/cti.pl?Action=INCOMING&Src=02115551111&Dest=12&CallID=c1&token=${token}`,
    );
    await expect
      .poll(() =>
        parts.companion
          .snapshot()
          .popups.find((popup) => popup.callId === 'c1')
          ?.contacts.map((contact) => contact.name),
      )
      .toEqual(['Anna Becker']);
    const io = cliIo();
    expect(await runCli(['provider', 'log', '--url', url], io)).toBe(0);
    expect(io.records()).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/cti.pl?Action=INCOMING&Src=02115551111&Dest=12&CallID=c1&token=***',
        status: 200,
      }),
    ]);
  });

  it('says when the line keeps no request log', async () => {
    const { url, io: cliIo } = await serve({});
    const io = cliIo();
    await runCli(['provider', 'log', '--url', url], io);
    expect(io.records()).toEqual([{ error: 'the simulator line keeps no request log' }]);
  });

  it('replays a recording on the simulator', async () => {
    const { url, parts, dir, io: cliIo } = await serve({});
    const file = path.join(dir, 'recording.jsonl');
    writeFileSync(
      file,
      [
        { t: 0, event: { type: 'offering', callId: 'pbx-1', line: '12', remote: '0211 5551111' } },
        { t: 10, event: { type: 'ended', callId: 'pbx-1', cause: 'noAnswer' } },
      ]
        .map((each) => JSON.stringify(each))
        .join('\n'),
    );
    const io = cliIo();
    expect(await runCli(['sim', 'replay', file, '--url', url], io)).toBe(0);
    expect(io.records()).toEqual([{ callIds: ['replay-1-1'] }]);
    await expect
      .poll(() => parts.companion.snapshot().journal.map((record) => [record.callId, record.missed]))
      .toEqual([['replay-1-1', true]]);
  });
});
