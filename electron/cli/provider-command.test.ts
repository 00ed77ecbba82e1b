import { describe, expect, it } from 'vitest';
import { FakePhoneServer } from '../test-support/fake-phone-server.js';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();

function config(line: object) {
  return `${tempDir({ 'config.json': JSON.stringify({ line }) })}/config.json`;
}

describe('ringdesk provider test', () => {
  it('reports each check of a working action-url line', async () => {
    const phone = new FakePhoneServer();
    const address = await phone.start();
    const io = memoryCliIo({ env: { CTI_TOKEN: 'a-long-enough-token-0123' } });
    const file = config({
      provider: 'action-url',
      listen: '127.0.0.1:0',
      token: { env: 'CTI_TOKEN' },
      kix: {},
      dial: { preset: 'snom', phone: address },
    });
    expect(await runCli(['provider', 'test', '--config', file], io)).toBe(0);
    await phone.stop();
    expect(io.records()).toEqual([
      { check: 'connect', ok: true, detail: 'action-url connected (line 1)' },
      {
        check: 'endpoints',
        ok: true,
        detail: expect.stringMatching(/^KIX: GET http:\/\/127\.0\.0\.1:\d+\/cti\.pl\?Action=/) as unknown,
      },
      { check: 'dial target', ok: true, detail: `${address} accepts connections; nothing was dialled` },
      { ok: true },
    ]);
    expect(phone.requests).toEqual([]);
  });

  it('says exactly what failed, and exits 1', async () => {
    const io = memoryCliIo({ env: { CTI_TOKEN: 'a-long-enough-token-0123' } });
    const file = config({
      provider: 'action-url',
      listen: '127.0.0.1:0',
      token: { env: 'CTI_TOKEN' },
      dial: { preset: 'yealink', phone: '127.0.0.1:9' },
    });
    expect(await runCli(['provider', 'test', '--config', file], io)).toBe(1);
    expect(io.records()).toEqual([
      { check: 'connect', ok: true, detail: 'action-url connected (line 1)' },
      {
        check: 'endpoints',
        ok: false,
        detail:
          'no endpoint is on: add "zammad", "kix", "phone", "sipgate", "placetel" or "haSip" to the line settings',
      },
      { check: 'dial target', ok: false, detail: '127.0.0.1:9 is not reachable: ECONNREFUSED' },
      { ok: false },
    ]);
    expect(io.err.join('\n')).toMatch(/the line does not work/);
  });

  it('names a missing secret, and exits 1', async () => {
    const io = memoryCliIo();
    expect(
      await runCli(
        ['provider', 'test', '--config', config({ provider: 'action-url', token: { env: 'CTI_TOKEN' } })],
        io,
      ),
    ).toBe(1);
    expect(io.records()).toEqual([
      { check: 'settings', ok: false, detail: 'the environment variable CTI_TOKEN is not set' },
      { ok: false },
    ]);
  });
});
