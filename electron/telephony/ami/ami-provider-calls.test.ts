import { describe, expect, it } from 'vitest';
import { amiRig, flush, OFFERING_TO_12 } from '../../test-support/ami-provider-rig.js';
import { CallState } from '../call-session.js';

describe('AmiProvider: placing and refusing calls', () => {
  it('originates through the agent phone and resolves once the phone picked up', async () => {
    const { asterisk, provider, log, session } = amiRig();
    await provider.connect();
    const dialling = provider.dial('+492115551234', '02115551234');
    const originate = await asterisk.nextAction('Originate');
    expect(Object.fromEntries(originate.fields)).toEqual({
      Action: 'Originate',
      ActionID: 'originate-rd-1',
      Channel: 'Local/12@from-internal',
      Context: 'from-internal',
      Exten: '02115551234',
      Priority: '1',
      Timeout: '30000',
      Async: 'true',
      ChannelId: 'rd-1',
    });
    await flush();
    expect(log.events.at(-1)).toEqual({
      type: 'dialing',
      callId: 'rd-1',
      line: '12',
      remote: '+492115551234',
      dialled: '02115551234',
    });
    session().send(
      'Event: OriginateResponse\nActionID: originate-rd-1\nResponse: Success\n' +
        'Channel: Local/12@from-internal-00000001;1\nReason: 4\nUniqueid: rd-1',
    );
    await expect(dialling).resolves.toEqual({ callId: 'rd-1' });
    session().send(
      'Event: DialBegin\nChannel: Local/12@from-internal-00000001;1\nUniqueid: rd-1\nLinkedid: rd-1\n' +
        'DestChannel: PJSIP/trunk-00000009\nDestUniqueid: t9\nDestLinkedid: rd-1',
      'Event: DialEnd\nUniqueid: rd-1\nDestChannel: PJSIP/trunk-00000009\nDestUniqueid: t9\nDialStatus: ANSWER',
      'Event: Hangup\nChannel: Local/12@from-internal-00000001;1\nUniqueid: rd-1\nCause: 16',
    );
    await flush();
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause: 'normalClearing' }]);
  });

  it('ends a dial to a dialplan application (*43, no Dial) when the originating channel hangs up', async () => {
    // FreePBX's echo test: `*43` answers and runs Echo(), it dials nobody. Asterisk 13 events of
    // an Originate through Local/12@from-internal (main/manager_channels.c shapes).
    const { provider, log, session } = amiRig();
    await provider.connect();
    const dialling = provider.dial('*43', '*43');
    await flush();
    session().send(
      'Event: Newchannel\nChannel: Local/12@from-internal-0000000a;1\nUniqueid: rd-1\nLinkedid: rd-1\nExten: *43',
      'Event: Newchannel\nChannel: Local/12@from-internal-0000000a;2\nUniqueid: rd-1;2\nLinkedid: rd-1\nExten: 12',
      'Event: DialBegin\nChannel: Local/12@from-internal-0000000a;2\nUniqueid: rd-1;2\nLinkedid: rd-1\n' +
        'DestChannel: PJSIP/12-00000021\nDestUniqueid: p1\nDestLinkedid: rd-1\nDialString: 12',
      'Event: DialEnd\nUniqueid: rd-1;2\nDestChannel: PJSIP/12-00000021\nDestUniqueid: p1\nDialStatus: ANSWER',
      'Event: OriginateResponse\nActionID: originate-rd-1\nResponse: Success\n' +
        'Channel: Local/12@from-internal-0000000a;1\nReason: 4\nUniqueid: rd-1',
      'Event: Newexten\nChannel: Local/12@from-internal-0000000a;1\nUniqueid: rd-1\nExten: *43\nApplication: Echo',
    );
    await expect(dialling).resolves.toEqual({ callId: 'rd-1' });
    expect(log.active()).toMatchObject([{ callId: 'rd-1', state: CallState.Dialing, remote: '*43' }]);
    session().send(
      'Event: Hangup\nChannel: PJSIP/12-00000021\nUniqueid: p1\nLinkedid: rd-1\nCause: 16',
      'Event: Hangup\nChannel: Local/12@from-internal-0000000a;2\nUniqueid: rd-1;2\nLinkedid: rd-1\nCause: 16',
      'Event: Hangup\nChannel: Local/12@from-internal-0000000a;1\nUniqueid: rd-1\nLinkedid: rd-1\nCause: 16',
    );
    await flush();
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, remote: '*43' }]);
    expect(log.active()).toEqual([]);
  });

  it("rejects with Asterisk's reason, announcing nothing, when the Originate is refused", async () => {
    const { asterisk, provider, log } = amiRig();
    asterisk.on('originate', (action, session) => {
      session.reply(action, 'Response: Error\nMessage: Originate failed');
    });
    await provider.connect();
    await expect(provider.dial('0211', '0211')).rejects.toThrow(
      'Asterisk refused the call to 0211: Originate failed',
    );
    expect(log.events.filter((event) => event.type !== 'state')).toEqual([]);
  });

  it('rejects when the agent phone does not answer, and ends the announced call with that cause', async () => {
    const { provider, log, session } = amiRig();
    await provider.connect();
    const dialling = provider.dial('+492115551111', '05551111');
    await flush();
    session().send(
      'Event: OriginateResponse\nActionID: originate-rd-1\nResponse: Failure\nReason: 3\nUniqueid: <null>',
    );
    await expect(dialling).rejects.toThrow(
      'the call to 05551111 failed: your phone (Local/12@from-internal) rang but nobody answered',
    );
    // With the code, and the number as the agent meant it (not the digits sent), for a window's words.
    await expect(dialling).rejects.toMatchObject({
      code: 'line.no-answer',
      params: { number: '+492115551111' },
    });
    expect(log.finished).toMatchObject([{ callId: 'rd-1', direction: 'outgoing', cause: 'noAnswer' }]);
  });

  it('rejects when Asterisk never says how the call went', async () => {
    const { provider, log, clock } = amiRig();
    await provider.connect();
    const dialling = provider.dial('0211', '0211');
    await flush();
    clock.advance(35_000);
    await expect(dialling).rejects.toThrow(
      'Asterisk did not say within 35 s whether the call to 0211 went through',
    );
    expect(log.finished).toMatchObject([{ callId: 'rd-1', cause: 'unknown' }]);
  });

  it('refuses to dial what could smuggle fields into the action, or while disconnected', async () => {
    const { asterisk, provider } = amiRig();
    await expect(provider.dial('12', '12')).rejects.toMatchObject({
      message: 'the Asterisk line is not connected',
      code: 'line.not-connected',
    });
    await provider.connect();
    await expect(provider.dial('12', '12\r\nApplication: System')).rejects.toThrow(
      'cannot dial "12 \u0020Application: System": Asterisk dials only digits',
    );
    // Coded, so a window says it in the agent's language.
    await expect(provider.dial('12', '12\r\nApplication: System')).rejects.toMatchObject({
      code: 'line.not-dialable',
      params: { number: '12' },
    });
    expect(asterisk.actions().some((action) => action.get('Action') === 'Originate')).toBe(false);
  });

  it('refuses a ringing call with busy, and says so for a call it does not know', async () => {
    const { asterisk, provider, log, session } = amiRig();
    await provider.connect();
    session().send(...OFFERING_TO_12);
    await flush();
    await provider.reject('t1');
    const hangup = asterisk.actions().at(-1);
    expect([hangup?.get('Action'), hangup?.get('Channel'), hangup?.get('Cause')]).toEqual([
      'Hangup',
      'PJSIP/12-00000002',
      '17',
    ]);
    session().send('Event: Hangup\nChannel: PJSIP/12-00000002\nUniqueid: a1\nCause: 17');
    await flush();
    expect(log.finished).toMatchObject([{ callId: 't1', state: CallState.Missed, cause: 'busy' }]);
    await expect(provider.reject('t1')).rejects.toThrow('no call "t1" on line 12');
  });

  it('lists the extensions with a device, and explains when Asterisk cannot', async () => {
    const { asterisk, provider } = amiRig();
    asterisk.on('extensionstatelist', (action, session) => {
      session.reply(
        action,
        'Response: Success\nEventList: start\nMessage: Extension Statuses will follow',
        'Event: ExtensionStatus\nActionID: x\nExten: 13\nContext: ext-local\nHint: SIP/13\nStatus: 0',
        'Event: ExtensionStatus\nActionID: x\nExten: 12\nContext: ext-local\nHint: PJSIP/12&Custom:DND12\nStatus: 0',
        'Event: ExtensionStatus\nActionID: x\nExten: *600\nContext: park\nHint: Custom:park\nStatus: 0',
        'Event: ExtensionStateListComplete\nActionID: x\nEventList: Complete\nListItems: 3',
      );
    });
    await provider.connect();
    await expect(provider.listLines()).resolves.toEqual([
      { id: 'PJSIP/12', name: '12@ext-local (PJSIP/12)', extension: '12' },
      { id: 'SIP/13', name: '13@ext-local (SIP/13)', extension: '13' },
    ]);
    asterisk.on('extensionstatelist', (action, session) => {
      session.reply(action, 'Response: Error\nMessage: Invalid/unknown command: ExtensionStateList');
    });
    await expect(provider.listLines()).rejects.toThrow(/needs Asterisk 13 or later/);
  });
});
