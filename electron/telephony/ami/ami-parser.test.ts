import { describe, expect, it } from 'vitest';
import { readPanoramiskFixture, readSpecScenarios, toWire } from '../../test-support/ami-transcripts.js';
import { serializeAction, type AmiMessage } from './ami-message.js';
import { AmiParser, AmiProtocolError, parseAmiText } from './ami-parser.js';

function collect(options: ConstructorParameters<typeof AmiParser>[1] = {}) {
  const messages: AmiMessage[] = [];
  const banners: string[] = [];
  const parser = new AmiParser(
    { message: (message) => messages.push(message), banner: (line) => banners.push(line) },
    options,
  );
  return { parser, messages, banners };
}

describe('AmiParser', () => {
  it('reads the greeting, then messages ended by a blank line, however the stream is split', () => {
    const { banner, replies } = readPanoramiskFixture('login_ok.ami.txt');
    const wire = `${banner ?? ''}\r\n${replies.map(toWire).join('')}`;
    const whole = collect({ expectBanner: true });
    whole.parser.push(wire);
    expect(whole.banners).toEqual(['Asterisk Call Manager/1.3']);
    expect(whole.messages.map((message) => message.get('Response') ?? message.event)).toEqual([
      'Success',
      'FullyBooted',
    ]);
    for (let cut = 1; cut < wire.length; cut++) {
      const split = collect({ expectBanner: true });
      split.parser.push(wire.slice(0, cut));
      split.parser.push(wire.slice(cut));
      expect(split.messages.map((message) => message.fields)).toEqual(whole.messages.map((m) => m.fields));
    }
  });

  it('treats keys without regard to case and keeps repeated keys (AMI v2 spec [2] and [2b])', () => {
    const scenarios = readSpecScenarios();
    const [a] = parseAmiText(scenarios.get('2')?.[0] ?? '');
    const [b] = parseAmiText(scenarios.get('2b')?.[0] ?? '');
    expect(a?.get('ACTION')).toBe('Originate');
    expect(a?.get('actionid')).toBe('SDY4-12837-123878782');
    expect(a?.all('variable')).toEqual(['MY_VAR=frogs', 'HIDE_FROM_CHEF=true']);
    // Re-ordered keys mean the same action.
    for (const key of [
      'Action',
      'ActionId',
      'Channel',
      'Context',
      'Exten',
      'Priority',
      'CallerID',
      'Account',
    ])
      expect(b?.get(key)).toBe(a?.get(key));
    expect(new Set(b?.all('Variable'))).toEqual(new Set(a?.all('Variable')));
  });

  it('drops trailing blanks (spec erratum 6) and keeps empty values', () => {
    const [message] = parseAmiText('Event: BridgeEnter \nBridgeType: basic \nCallerIDNum: \n');
    expect(message?.event).toBe('BridgeEnter');
    expect(message?.get('BridgeType')).toBe('basic');
    expect(message?.get('CallerIDNum')).toBe('');
  });

  it('skips lines that are not fields, such as raw Command output', () => {
    const { parser, messages } = collect();
    parser.push(readPanoramiskFixture('command_core_show_version.ami.txt').replies.map(toWire).join(''));
    expect(messages[0]?.get('Response')).toBe('Follows');
    // The version line (its first colon is in a time, after blanks) and "--END COMMAND--".
    expect(parser.skippedLines).toBe(2);
  });

  it('cuts off a peer that sends more than 64 KiB without ending a message, and stays cut off', () => {
    const { parser, messages } = collect();
    expect(() => parser.push(`Event: Junk\r\n${'A'.repeat(70_000)}`)).toThrow(AmiProtocolError);
    expect(() => parser.push('Event: Later\r\n\r\n')).toThrow(/more than 64 KiB without ending a message/);
    expect(messages).toEqual([]);
    const lines = collect();
    const many = 'X-Header: value\r\n'.repeat(5000);
    expect(() => lines.parser.push(many)).toThrow(AmiProtocolError);
  });

  it('counts the bound per message, also when the lines between blank lines are all junk', () => {
    const { parser, messages } = collect();
    for (let i = 0; i < 100; i++) parser.push(`${'junk without colon '.repeat(100)}\r\n\r\n`);
    parser.push('Event: FullyBooted\r\n\r\n');
    expect(messages.map((message) => message.event)).toEqual(['FullyBooted']);
  });

  it('accepts a long message that does end within the bound', () => {
    const { parser, messages } = collect();
    parser.push(`Event: Big\r\nData: ${'b'.repeat(60_000)}\r\n\r\n`);
    expect(messages[0]?.get('Data')).toHaveLength(60_000);
  });
});

describe('serializeAction', () => {
  it('writes CRLF lines and the closing blank line, leaving out undefined fields', () => {
    expect(serializeAction({ Action: 'Ping', ActionID: 'a1', CallerID: undefined })).toBe(
      'Action: Ping\r\nActionID: a1\r\n\r\n',
    );
  });

  it('refuses values that would break the framing', () => {
    expect(() => serializeAction({ Action: 'Originate', Exten: '12\r\nApplication: System' })).toThrow(
      /must be one line/,
    );
    expect(() => serializeAction({ 'Bad Key': 'x' })).toThrow(/not an AMI field name/);
  });
});
