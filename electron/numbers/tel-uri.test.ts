import { describe, expect, it } from 'vitest';
import { errorInfoOf } from '../contract/error-info.js';
import { errorWords } from '../contract/error-words.js';
import { DUESSELDORF, REDMOND, regionRules } from '../test-support/rules.js';
import { readTsv } from '../test-support/testdata.js';
import { NumberError } from './number-error.js';
import { parseTelUri } from './tel-uri.js';

const parse = (uri: string) => parseTelUri(uri, DUESSELDORF);
const stripVisual = (text: string) => text.replace(/[-.()]/g, '');

function rejection(uri: string, rules = DUESSELDORF): NumberError {
  try {
    parseTelUri(uri, rules);
  } catch (error) {
    if (error instanceof NumberError) return error;
    throw error;
  }
  throw new Error(`${uri} was accepted`);
}

describe('parseTelUri: schemes', () => {
  it.each([
    ['tel:+49-211-5551234', 'tel'],
    ['TEL:+49-211-5551234', 'tel'],
    ['tel://+49-211-5551234', 'tel'],
    ['phone:+49 211 5551234', 'phone'],
    ['callto:+49 211 5551234', 'callto'],
    ['callto://+49211 5551234', 'callto'],
    ['CallTo://0211-5551234', 'callto'],
    ['sip:+492115551234@pbx.example.com;user=phone', 'sip'],
    ['sips:0211-5551234@192.0.2.1:5061', 'sips'],
    ['sip:+1-212-555-1212;postd=pp22@gw.example.com;user=phone', 'sip'],
    ['sip:02115551234', 'sip'],
  ])('reads %s', (uri, scheme) => {
    const link = parse(uri);
    expect(link.scheme).toBe(scheme);
    expect(link.e164).toMatch(/^\+\d+$/);
  });

  it('keeps the order of the CLI contract', () => {
    expect(Object.keys(parse('tel:+492115551234'))).toEqual([
      'input',
      'scheme',
      'number',
      'global',
      'phoneContext',
      'extension',
      'e164',
      'kind',
      'dialable',
    ]);
  });
});

describe('parseTelUri: numbers', () => {
  it('reads a global number with visual separators', () => {
    expect(parse('tel:+1-201-555-0123')).toMatchObject({
      number: '+12015550123',
      global: true,
      e164: '+12015550123',
      kind: 'international',
      dialable: '00012015550123',
    });
  });

  it('reads a local number without phone-context with the dialing rules (the common German link)', () => {
    expect(parse('tel:0211-5551234')).toMatchObject({
      global: false,
      e164: '+492115551234',
      kind: 'local',
      dialable: '05551234',
    });
    expect(parse('tel:0211 555 1234')).toMatchObject({ e164: '+492115551234' });
    expect(parse('tel:0211%205551234')).toMatchObject({ e164: '+492115551234' });
    expect(parse('tel:+49(0)211-5551234').e164).toBe('+492115551234');
  });

  it('prefixes a local number with a global phone-context', () => {
    expect(parse('tel:863-1234;phone-context=+1-914-555')).toMatchObject({
      number: '8631234',
      phoneContext: '+1-914-555',
      e164: '+19145558631234',
    });
  });

  it('reads a local number under a domain phone-context with the dialing rules', () => {
    expect(parse('tel:7042;phone-context=example.com')).toMatchObject({
      phoneContext: 'example.com',
      e164: '+492117042',
    });
  });

  it('dials the company’s own number with an extension as that colleague', () => {
    expect(parse('tel:+49-211-339903;ext=12')).toMatchObject({
      extension: '12',
      e164: '+4921133990312',
      kind: 'internal',
      dialable: '12',
    });
  });

  it('reports, but does not dial, an extension of another company', () => {
    expect(parse('tel:+1-212-555-0100;ext=123')).toMatchObject({
      extension: '123',
      e164: '+12125550100',
      dialable: '00012125550100',
    });
  });

  it('dials feature codes as written, with no E.164 form', () => {
    expect(parse('tel:*21#')).toMatchObject({
      number: '*21#',
      e164: null,
      kind: 'feature-code',
      dialable: '*21#',
    });
    expect(parse('tel:%2A21%23')).toMatchObject({ dialable: '*21#' });
    expect(parse('tel:*31*0211-5551234#')).toMatchObject({ dialable: '*31*02115551234#' });
  });

  it('ignores isub and unknown parameters', () => {
    expect(parse('tel:+492115551234;isub=1234;foo=bar;flag').e164).toBe('+492115551234');
  });

  it('completes with the rules it is given', () => {
    expect(parseTelUri('tel:206-555-0100', REDMOND)).toMatchObject({
      e164: '+12065550100',
      dialable: '912065550100',
    });
  });
});

describe('parseTelUri: rejects everything that is not a number to dial', () => {
  it.each([
    ['', 'missing-scheme'],
    ['0211 5551234', 'missing-scheme'],
    ['+49 211 5551234', 'missing-scheme'],
    ['http://evil.example/tel:123', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['tel:', 'empty'],
    ['tel:;ext=1', 'empty'],
    ['tel:0800-FLOWERS', 'invalid-character'],
    ['tel:+49211abc', 'invalid-character'],
    ['tel:123 --inspect=0.0.0.0', 'invalid-character'],
    ['tel:0211 5551234 rm -rf', 'invalid-character'],
    ['tel:123\u0000', 'control-character'],
    ['tel:123%00', 'control-character'],
    ['tel:123%0A--gpu-launcher=calc', 'control-character'],
    ['tel:123\n456', 'control-character'],
    ['tel:123;ext=%00', 'control-character'],
    ['tel:123;foo=%0D', 'control-character'],
    ['tel:123%', 'invalid-percent-encoding'],
    ['tel:123%zz', 'invalid-percent-encoding'],
    ['tel:123%C3', 'invalid-percent-encoding'],
    ['tel:123?body=x', 'invalid-uri'],
    ['tel:+49+211', 'misplaced-plus'],
    ['tel:033316005;phone-context=', 'invalid-phone-context'],
    ['tel:033316005;phone-context', 'invalid-phone-context'],
    ['tel:123;ext=', 'invalid-parameter'],
    ['tel:123;ext=12a', 'invalid-parameter'],
    ['tel:123;ext=1;ext=2', 'invalid-parameter'],
    ['tel:+1234567890123456', 'too-many-digits'],
    ['tel:+*123*', 'feature-code-in-global-number'],
    ['tel:*21#x', 'invalid-feature-code-character'],
    ['sip:alice@example.com', 'invalid-character'],
    ['sip:+492115551234@bad host', 'invalid-uri'],
    ['sip:123:secret@pbx', 'invalid-uri'],
    [`tel:${'1'.repeat(3000)}`, 'too-long-input'],
  ])('rejects %j (%s)', (uri, code) => {
    expect(rejection(uri).code).toBe(code);
  });

  it.each([
    // A control character, as written or escaped, by its code point and place in the link.
    ['tel:123\u0000', 'control-character', { char: 'U+0000', position: 8 }],
    ['  tel:123\n456', 'control-character', { char: 'U+000A', position: 10 }],
    ['tel:123%0A--gpu-launcher=calc', 'control-character', { char: 'U+000A', position: 8 }],
    ['tel:%C3%A4%C2%85', 'control-character', { char: 'U+0085', position: 11 }],
    ['tel:123;ext=%00', 'control-character', { char: 'U+0000', position: 13 }],
    ['tel://12;foo=1;bar=2%0d', 'control-character', { char: 'U+000D', position: 21 }],
    ['tel:0211;phone-context=%7F', 'control-character', { char: 'U+007F', position: 24 }],
    // A "%" that starts no escape, or escapes that are no UTF-8, by where they start.
    ['tel:123%', 'invalid-percent-encoding', { position: 8 }],
    ['tel:123%zz', 'invalid-percent-encoding', { position: 8 }],
    ['tel:12%33%C3', 'invalid-percent-encoding', { position: 10 }],
    ['tel:123;isub=%41%FF', 'invalid-percent-encoding', { position: 17 }],
    // A feature code's bad character, where the link has it, escapes counted as written.
    ['tel:*21#x', 'invalid-feature-code-character', { char: '"x"', position: 9 }],
    ['tel:%2A21%23!', 'invalid-feature-code-character', { char: '"!"', position: 13 }],
    ['sip:*21#%E2%82%AC@pbx', 'invalid-feature-code-character', { char: 'U+20AC', position: 9 }],
    ['callto:// *21#x', 'invalid-feature-code-character', { char: '"x"', position: 15 }],
    // The number check's refusals name the place in the link too.
    ['tel:0800-FLOWERS', 'invalid-character', { char: '"F"', position: 10 }],
    ['callto:// 0211+5551234', 'misplaced-plus', { position: 15 }],
    ['sip:alice@example.com', 'invalid-character', { char: '"a"', position: 5 }],
    ['tel:%30211x', 'invalid-character', { char: '"x"', position: 11 }],
    // "+" and a feature code do not go together: a refusal of its own.
    ['tel:+*123*', 'feature-code-in-global-number', {}],
    ['tel:+49-211#', 'feature-code-in-global-number', {}],
  ])('says where %j goes wrong (%s), in German too', (uri, code, params) => {
    const error = rejection(uri);
    expect(error.code).toBe(code);
    expect(error.params).toEqual(params);
    const german = errorWords(errorInfoOf(error), 'de');
    expect(german).not.toBeNull();
    if ('position' in params) expect(german).toContain(`an Stelle ${params.position}`);
  });

  it('names the problem in the message', () => {
    expect(rejection('tel:0800-FLOWERS').message).toMatch(/letter "F"/);
    expect(rejection('ftp:x').message).toMatch(/unsupported scheme "ftp:"/);
    expect(rejection('sip:alice@example.com').message).toMatch(/SIP address is not a phone number/);
  });
});

describe('parseTelUri: every tel URI that pjsip’s uri_test accepts', () => {
  for (const [id, input, , , refNumber, refContext, refExt] of readTsv('tel-uri/pjsip_uri_test.tsv')) {
    it(`#${id} ${input}`, () => {
      const link = parse(input!);
      expect(link.number.replace(/^\+/, '')).toBe(stripVisual(refNumber!).replace(/^\+/, ''));
      expect(link.global).toBe(input!.startsWith('tel:+'));
      expect(link.phoneContext?.toLowerCase() ?? '').toBe(refContext!.toLowerCase());
      expect(link.extension ?? '').toBe(refExt);
    });
  }
});

describe('parseTelUri: cipango’s TelURL cases', () => {
  for (const [operation, input, phoneNumber, context, , outcome] of readTsv(
    'tel-uri/cipango_TelURLTest.tsv',
  )) {
    if (operation === 'parse' && outcome === 'ok') {
      it(`accepts ${input}`, () => {
        const link = parse(input!);
        expect(stripVisual(link.number.replace(/^\+/, ''))).toBe(stripVisual(phoneNumber!));
        expect(link.phoneContext).toBe(context === 'null' ? null : context);
      });
    } else if (operation === 'parse') {
      it(`rejects ${input} (${outcome})`, () => {
        expect(rejection(input!)).toBeInstanceOf(NumberError);
      });
    } else if (operation === 'setPhoneNumber(local,ctx)' && outcome!.startsWith('ok')) {
      const [number, ctx] = input!.split(' ; ');
      it(`accepts the local number ${number} under ${ctx}`, () => {
        expect(parse(`tel:${number};phone-context=${ctx}`).number).toBe(stripVisual(number!));
      });
    }
  }
});

describe('parseTelUri: libphonenumber-js’s RFC 3966 and phone-context cases', () => {
  for (const [suite, input, country, e164, ext, outcome] of readTsv(
    'tel-uri/libphonenumberjs_rfc3966_and_phone_context.tsv',
  )) {
    if (!input!.startsWith('tel:')) continue;
    const rules = regionRules(country || (e164!.startsWith('+7') ? 'RU' : 'DE'));
    if (outcome === 'undefined' || outcome === '{}') {
      if (input === 'tel:3') continue; // libphonenumber finds no viable number; for Ringdesk "3" is a short local number
      it(`${suite}: rejects ${input}`, () => {
        expect(rejection(input!, rules)).toBeInstanceOf(NumberError);
      });
    } else {
      it(`${suite}: reads ${input}`, () => {
        const link = parseTelUri(input!, rules);
        if (/^\+\d+$/.test(e164!)) expect(link.e164).toBe(e164);
        expect(link.extension ?? '').toBe(ext);
      });
    }
  }
});
