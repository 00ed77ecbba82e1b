import { describe, expect, it } from 'vitest';
import { kixRequest } from './kix-action.js';
import { phoneRequest } from './phone-action.js';
import { zammadNumber, zammadRequest } from './zammad-webhook.js';

const zammad = {
  line: '12',
  outbound: [
    { dest: '4989*', callerId: '498999998145' },
    { dest: '4930*', callerId: '493023125877' },
  ],
  defaultCallerId: '496990009111',
  isBlocked: (remote: string) => remote === '+491715000000',
};

describe('Zammad webhook', () => {
  it('answers the documented examples', () => {
    expect(
      zammadRequest(
        {
          event: 'newCall',
          from: '493023125741',
          to: '492214710334',
          direction: 'out',
          callId: 'f4eb',
          user: 'Christopher Miller',
        },
        zammad,
      ).reply,
    ).toEqual({
      action: 'dial',
      caller_id: '496990009111',
      number: '492214710334',
    });
    expect(
      zammadRequest(
        { event: 'newCall', from: '493023125741', to: '4930555', direction: 'out', callId: 'x' },
        zammad,
      ).reply,
    ).toMatchObject({
      caller_id: '493023125877',
    });
    expect(
      zammadRequest(
        { event: 'newCall', from: '493023125741', to: '492214710334', direction: 'in', callId: '307f' },
        zammad,
      ).reply,
    ).toEqual({});
    expect(
      zammadRequest(
        { event: 'newCall', from: '491715000000', to: '4930600000000', direction: 'in', callId: 'b' },
        zammad,
      ).reply,
    ).toEqual({
      action: 'reject',
      reason: 'busy',
    });
  });

  it('turns events into intents, accepting call_id for callId', () => {
    expect(
      zammadRequest(
        { event: 'hangup', direction: 'in', call_id: 'c1', cause: 'normalClearing', from: '', to: '' },
        zammad,
      ).intent,
    ).toEqual({
      kind: 'hangup',
      pbxId: 'c1',
      line: '12',
      remote: '',
      cause: 'normalClearing',
    });
    expect(
      zammadRequest(
        { event: 'newCall', direction: 'in', from: 'anonymous', to: '4930600000000', callId: 'a' },
        zammad,
      ).intent.remote,
    ).toBe('anonymous');
  });

  it('refuses an invalid event or direction with 422', () => {
    expect(() => zammadRequest({ event: 'newCall', direction: 'sideways' }, zammad)).toThrow(
      /Invalid direction!/,
    );
    expect(() => zammadRequest({ event: 'ring', direction: 'in' }, zammad)).toThrow(/Invalid event!/);
  });

  it('puts the + back on international digits only where that makes a valid number', () => {
    expect(zammadNumber('4912347114711')).toBe('+4912347114711');
    expect(zammadNumber('02214710334')).toBe('02214710334');
    expect(zammadNumber('42')).toBe('42');
    expect(zammadNumber('anonymous')).toBe('anonymous');
  });
});

describe('KIX action URLs', () => {
  it('reads caller and line by direction', () => {
    expect(kixRequest({ Action: 'INCOMING', Src: '02115551234', Dest: '12', CallID: 'k1' }, '99')).toEqual({
      kind: 'ring',
      pbxId: 'k1',
      line: '12',
      remote: '02115551234',
    });
    expect(kixRequest({ Action: 'OUTGOING', Src: '12', Dest: '030123' }, '99')).toEqual({
      kind: 'outgoing',
      pbxId: null,
      line: '12',
      remote: '030123',
    });
    expect(kixRequest({ Action: 'hangup', Src: '0211', Dest: '' }, '99')).toMatchObject({
      kind: 'hangup',
      line: '99',
    });
  });

  it('refuses unknown actions and calls without a party', () => {
    expect(() => kixRequest({ Action: 'DANCE' }, '12')).toThrow(/unknown Action "DANCE"/);
    expect(() => kixRequest({ Action: 'INCOMING', Dest: '12' }, '12')).toThrow(/needs Src/);
  });
});

describe('desk-phone action URLs', () => {
  it('reads Snom and Yealink events and SIP URIs', () => {
    expect(
      phoneRequest(
        'incoming',
        { remote: 'sip:02115551234@pbx.local', local: 'sip:12@pbx.local', 'call-id': 'abc@1.2.3.4' },
        '99',
      ),
    ).toEqual({
      kind: 'ring',
      pbxId: 'abc@1.2.3.4',
      line: '12',
      remote: '02115551234',
    });
    expect(phoneRequest('call_established', { remote: '0211', call_id: '33093' }, '12')).toMatchObject({
      kind: 'answer',
      pbxId: '33093',
    });
    expect(phoneRequest('missed_call', { remote: '0211' }, '12').kind).toBe('missed');
  });

  it('refuses unknown events', () => {
    expect(() => phoneRequest('reboot', {}, '12')).toThrow(/unknown phone event "reboot"/);
  });
});
