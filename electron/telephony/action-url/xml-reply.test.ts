/** XML replies: whatever a caller ID, number or message holds, the document stays one well-formed `<Response>`. */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../test-support/action-url-listener.js';
import { escapeXml, xmlDocument, xmlError } from './xml-reply.js';

describe('XML replies', () => {
  it('keeps hostile text inside its attribute or element, as written', () => {
    const hostile = `"/><Hangup/><x a='1'>&amp;</x>`;
    const xml = xmlDocument({
      name: 'Response',
      attributes: [['onAnswer', hostile]],
      children: [{ name: 'Number', text: hostile }],
    });
    expect(parseXml(xml)).toEqual({ Response: { '@onAnswer': hostile, Number: hostile } });
  });

  it('drops control characters XML cannot carry, keeps tab and line breaks', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne\u001f')).toBe('abc\td\ne');
  });

  it("writes errors as Zammad's controllers do: <Response><Error>message</Error></Response>", () => {
    expect(parseXml(xmlError('Invalid token, please contact your admin!').xml)).toEqual({
      Response: { Error: 'Invalid token, please contact your admin!' },
    });
  });
});
