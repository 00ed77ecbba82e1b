/**
 * The `ami` line finds its phone as `ringdesk provider test` and the wizard do: a line written as
 * its extension (`"7002"`) on a phone whose device is not named after it is watched, and rung for
 * click-to-dial, as that device; a line Asterisk does not list, or one several devices answer to,
 * is a connection problem in plain words. Real TCP on loopback.
 *
 * Transcript: written for these tests, after Asterisk's source (github.com/asterisk/asterisk,
 * branch 13):
 * - `ExtensionStateList`: main/pbx.c `action_extensionstatelist` (one `ExtensionStatus` per
 *   hint: `Exten`, `Context`, `Hint`, `Status`, `StatusText`; then `ExtensionStateListComplete`),
 *   answered by the fake (test-support/ami-fake-asterisk.ts); its managerEvent docs name the
 *   hint as `Hint: PJSIP/phone-b7&Custom:DND7002` style device lists (FreePBX adds the DND state);
 * - channel names: channels/chan_pjsip.c `chan_pjsip_new` (`PJSIP/<endpoint>-%08x`), so the
 *   endpoint `phone-b7` rings as `PJSIP/phone-b7-00000012`;
 * - `Newchannel` / `DialBegin` / `Newstate` / `DialEnd` / `Hangup`: main/manager_channels.c
 *   managerEvent docs (channel snapshot fields, the called leg prefixed `Dest`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { amiCompanionRig, type AmiCompanionRig } from '../../test-support/ami-companion-rig.js';
import { AmiCallLog } from '../../test-support/ami-call-log.js';
import { FakeAsterisk, type FakeHint } from '../../test-support/ami-fake-asterisk.js';
import { channelSnapshot } from '../../test-support/ami-channel-snapshot.js';
import { AmiReplayServer } from '../../test-support/ami-replay-server.js';
import { contactWith, FakeDirectory } from '../../test-support/fake-directory.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { createAmiProvider } from './ami-provider.js';
import { amiLineSchema } from './ami-settings.js';

const tempDir = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** FreePBX-style hints: 7002 is the phone `phone-b7`; 7001 and 7003 are named after their extension. */
const HINTS: readonly FakeHint[] = [
  { exten: '7001', context: 'ext-local', hint: 'PJSIP/7001&Custom:DND7001' },
  { exten: '7002', context: 'ext-local', hint: 'PJSIP/phone-b7&Custom:DND7002' },
  { exten: '7003', context: 'ext-local', hint: 'PJSIP/7003&Custom:DND7003' },
  { exten: '_70XX', context: 'ext-local', hint: 'PJSIP/${EXTEN}' },
];

const ann = contactWith('Ann Example', '+492115551234', { company: 'ACME', id: 'ann' });

async function companion(hints: readonly FakeHint[], line = '7002'): Promise<AmiCompanionRig> {
  const rig = await amiCompanionRig(tempDir(), [new FakeDirectory('Book', [ann])], { line }, {}, hints);
  cleanups.push(() => rig.close());
  return rig;
}

/** A provider alone on a loopback Asterisk with `hints`, to see how its connection fails. */
async function provider(hints: readonly FakeHint[], line: string) {
  const asterisk = new FakeAsterisk({ username: 'ringdesk', secret: 's3cret', hints });
  const server = await AmiReplayServer.start(asterisk);
  cleanups.push(() => server.close());
  const line_ = createAmiProvider(
    amiLineSchema.parse({
      provider: 'ami',
      host: '127.0.0.1',
      port: server.port,
      username: 'ringdesk',
      secret: 's3cret',
      line,
      pingIntervalMs: 600_000,
    }),
  );
  cleanups.push(() => line_.disconnect());
  const log = new AmiCallLog();
  log.attach(line_);
  return { provider: line_, log, asterisk };
}

/** A channel snapshot of this test's calls, `Dest`-prefixed when asked. */
const snapshot = (prefix: '' | 'Dest', channel: string, uniqueid: string, num: string, state = 'Ring') =>
  channelSnapshot({
    prefix,
    channel,
    uniqueid,
    state: state === 'Ring' ? 4 : 5,
    callerIdNum: num,
    exten: '7002',
    linkedid: '1700.11',
  });
const CALLER = snapshot('', 'PJSIP/trunk-00000011', '1700.11', '02115551234');
const B7 = 'PJSIP/phone-b7-00000012';

describe('ami: the line is the device Asterisk lists for it', () => {
  it('watches extension 7002 as PJSIP/phone-b7: its call pops up and is journaled', async () => {
    const r = await companion(HINTS);
    const phone = (prefix: '' | 'Dest', state = 'Ring') => snapshot(prefix, B7, '1700.12', '7002', state);
    r.session.send(
      `Event: Newchannel\nPrivilege: call,all\n${CALLER}`,
      `Event: DialBegin\nPrivilege: call,all\n${CALLER}\n${phone('Dest')}\nDialString: phone-b7`,
      `Event: Newstate\nPrivilege: call,all\n${phone('', 'Ringing')}`,
      `Event: DialEnd\nPrivilege: call,all\n${CALLER}\n${phone('Dest', 'Ringing')}\nDialStatus: NOANSWER`,
      `Event: Hangup\nPrivilege: call,all\n${phone('', 'Ringing')}\nCause: 19\nCause-txt: No answer`,
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({ missed: true, contact: { name: 'Ann Example' } });
    expect(r.popups('1700.11').some((popup) => popup.html.includes('Ann Example'))).toBe(true);
  });

  it('rings the extension through the dialplan for click-to-dial (every phone of it), the device when the line is written as the device', async () => {
    const device = await companion(HINTS, 'PJSIP/phone-b7');
    void device.provider.dial('0211555', '0211555').catch(() => undefined);
    expect((await device.asterisk.nextAction('Originate')).get('Channel')).toBe('PJSIP/phone-b7');
    const r = await companion(HINTS);
    const dialling = r.provider.dial('0211555', '0211555');
    const originate = await r.asterisk.nextAction('Originate');
    expect(originate.get('Channel')).toBe('Local/7002@from-internal');
    expect(originate.get('Exten')).toBe('0211555');
    // Asterisk 13 main/manager.c `fast_originate`: the phone did not answer (Reason 3).
    r.session.send(
      `Event: OriginateResponse\nPrivilege: call,all\nActionID: ${originate.get('ActionID') ?? ''}\n` +
        'Response: Failure\nChannel: Local/7002@from-internal\nContext: from-internal\nExten: 0211555\nReason: 3\n' +
        `Uniqueid: ${originate.get('ChannelId') ?? ''}\nCallerIDNum: <unknown>\nCallerIDName: <unknown>`,
    );
    await expect(dialling).rejects.toThrow('your phone (PJSIP/phone-b7) rang but nobody answered');
  });

  it('fails to connect, naming the devices, when several answer to the extension', async () => {
    const twice = [...HINTS, { exten: '7002', context: 'ext-hotdesk', hint: 'SIP/7002' }];
    const { provider: line, log } = await provider(twice, '7002');
    await expect(line.connect()).rejects.toThrow(
      'line 7002 matches several devices on Asterisk: PJSIP/phone-b7 "7002@ext-local (PJSIP/phone-b7)", ' +
        'SIP/7002 "7002@ext-hotdesk (SIP/7002)"; set "line" to the one that is your phone',
    );
    expect(line.state).toBe('disconnected');
    expect(log.states()).toEqual([
      'connecting',
      expect.stringMatching(/^disconnected: line 7002 matches several devices on Asterisk: PJSIP\/phone-b7/),
    ]);
  });

  it('watches a line Asterisk does not list as written, and says so in the line log', async () => {
    for (const hints of [HINTS, []]) {
      const { provider: line } = await provider(hints, '7009');
      await line.connect();
      expect(line.state).toBe('connected');
      expect(line.requestLog()).toEqual([
        expect.objectContaining({
          note: 'line watched as written',
          detail: {
            line: '7009',
            ExtensionStateList: `the line is not among the ${String(hints.length === 0 ? 0 : 3)} extensions with a device hint`,
          },
        }),
      ]);
    }
    const { provider: device } = await provider(HINTS, 'PJSIP/phone-b7');
    await device.connect();
    expect(device.requestLog()).toEqual([]);
  });
});
