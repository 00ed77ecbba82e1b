/**
 * `ringdesk provider test` against an Asterisk on loopback (the fake plays the recorded login
 * and answers `ExtensionStateList` as Asterisk 13+ documents it: one `ExtensionStatus` per hint,
 * `Exten`, `Context`, `Hint`, `Status`, then `ExtensionStateListComplete`; the hints are FreePBX's
 * `PJSIP/7002&Custom:DND7002` style). A line is found by its extension, device or name; an
 * extension that two devices answer to fails and names both (the provider itself refuses to
 * connect to it, so the test's connect check says so); a failed test exits 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAsterisk } from '../test-support/ami-fake-asterisk.js';
import { AmiReplayServer } from '../test-support/ami-replay-server.js';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { checkLine } from '../companion/check-line.js';
import { loadSettings } from '../companion/settings/load-settings.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();
const servers: AmiReplayServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const status = (exten: string, hint: string) =>
  `Event: ExtensionStatus\nActionID: x\nExten: ${exten}\nContext: ext-local\nHint: ${hint}\nStatus: 0\nStatusText: Idle`;

async function asteriskWith(hints: readonly string[]): Promise<number> {
  const asterisk = new FakeAsterisk({ username: 'ringdesk', secret: 's3cret' });
  asterisk.on('extensionstatelist', (action, session) => {
    session.reply(
      action,
      'Response: Success\nEventList: start\nMessage: Extension Statuses will follow',
      ...hints,
      `Event: ExtensionStateListComplete\nActionID: x\nEventList: Complete\nListItems: ${hints.length}`,
    );
  });
  const server = await AmiReplayServer.start(asterisk);
  servers.push(server);
  return server.port;
}

function configFor(port: number, line: string): string {
  const dir = tempDir({
    'config.json': JSON.stringify({
      line: {
        provider: 'ami',
        host: '127.0.0.1',
        port,
        username: 'ringdesk',
        secret: { env: 'AMI_SECRET' },
        line,
      },
    }),
  });
  return `${dir}/config.json`;
}

async function providerTest(port: number, line: string) {
  const io = memoryCliIo({ env: { AMI_SECRET: 's3cret' } });
  const status = await runCli(['provider', 'test', '--config', configFor(port, line)], io);
  const records = io.records() as { check?: string; ok: boolean; detail?: string }[];
  return {
    status,
    connect: records.find((each) => each.check === 'connect'),
    line: records.find((each) => each.check === 'line'),
    verdict: records.at(-1),
    io,
  };
}

describe('ringdesk provider test on an Asterisk line', () => {
  it('finds the line by its extension (the README style), its device and its name, and exits 0', async () => {
    const port = await asteriskWith([
      status('7001', 'PJSIP/7001'),
      status('7002', 'PJSIP/7002&Custom:DND7002'),
    ]);
    for (const line of ['7002', 'PJSIP/7002', 'pjsip/7002']) {
      const result = await providerTest(port, line);
      expect(result.line).toEqual({
        check: 'line',
        ok: true,
        detail: `line ${line} found: PJSIP/7002 "7002@ext-local (PJSIP/7002)"`,
      });
      expect([result.status, result.verdict]).toEqual([0, { ok: true }]);
    }
  });

  it('fails an extension that several devices answer to, names them, and exits 1', async () => {
    const port = await asteriskWith([status('7002', 'PJSIP/7002'), status('7002', 'SIP/7002')]);
    const result = await providerTest(port, '7002');
    // The provider itself does not connect to an ambiguous line (it would not know which phone to watch).
    expect(result.connect).toMatchObject({
      check: 'connect',
      ok: false,
      detail:
        'line 7002 matches several devices on Asterisk: PJSIP/7002 "7002@ext-local (PJSIP/7002)", ' +
        'SIP/7002 "7002@ext-local (SIP/7002)"; set "line" to the one that is your phone',
    });
    expect([result.status, result.verdict]).toEqual([1, { ok: false }]);
    expect(result.io.err.join('\n')).toMatch(/the line does not work: line 7002 matches several devices/);
  });

  it('fails a line the PBX does not have (the line is watched as written), and exits 1', async () => {
    const port = await asteriskWith([status('7001', 'PJSIP/7001')]);
    const result = await providerTest(port, '7009');
    expect(result.connect).toMatchObject({ check: 'connect', ok: true });
    expect(result.line).toEqual({
      check: 'line',
      ok: false,
      detail: 'line 7009 is not among the lines: PJSIP/7001 "7001@ext-local (PJSIP/7001)"',
    });
    expect([result.status, result.verdict]).toEqual([1, { ok: false }]);
  });

  it('still offers the lines Asterisk lists when the line cannot connect (several devices), for the wizard to pick', async () => {
    const port = await asteriskWith([
      status('7001', 'PJSIP/7001'),
      status('7002', 'PJSIP/phone-b7'),
      status('7002', 'SIP/7002'),
    ]);
    const settings = await loadSettings(configFor(port, '7002'), { defaultRegion: 'DE', required: true });
    const result = await checkLine(settings, { AMI_SECRET: 's3cret' });
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ check: 'connect', ok: false });
    expect(result.lines.map((line) => [line.id, line.extension])).toEqual([
      ['PJSIP/7001', '7001'],
      ['PJSIP/phone-b7', '7002'],
      ['SIP/7002', '7002'],
    ]);
  });
});
