import { describe, expect, it } from 'vitest';
import { BodyError, fromQuery, fromSearch, parseBody, withoutPlaceholders } from './request-body.js';

describe('webhook bodies', () => {
  it('reads JSON, keeping strings, numbers and lists of strings', () => {
    expect(
      parseBody('{"event":"newCall","user":["A","B"],"n":5,"x":{"y":1}}', 'application/json; charset=utf-8'),
    ).toEqual({
      event: 'newCall',
      user: ['A', 'B'],
      n: '5',
    });
  });

  it('reads URL-encoded forms with repeated keys', () => {
    expect(
      parseBody(
        'event=newCall&user%5B%5D=Christopher+Miller&user[]=Emma+Taylor',
        'application/x-www-form-urlencoded',
      ),
    ).toEqual({
      event: 'newCall',
      user: ['Christopher Miller', 'Emma Taylor'],
    });
    expect(fromSearch(new URLSearchParams('Action=INCOMING&Src=1&Src=2'))).toEqual({
      Action: 'INCOMING',
      Src: ['1', '2'],
    });
  });

  it('reads multipart forms (curl -F)', () => {
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="event"',
      '',
      'hangup',
      '--XyZ',
      'Content-Disposition: form-data; name="user[]"',
      '',
      'Emma Taylor',
      '--XyZ--',
      '',
    ].join('\r\n');
    expect(parseBody(body, 'multipart/form-data; boundary=XyZ')).toEqual({
      event: 'hangup',
      user: ['Emma Taylor'],
    });
  });

  it('refuses what it cannot read', () => {
    expect(() => parseBody('{oops', 'application/json')).toThrow(BodyError);
    expect(() => parseBody('[1,2]', 'application/json')).toThrow(/JSON object/);
    expect(() => parseBody('x', 'application/xml')).toThrow(/unsupported content type/);
    expect(() => parseBody('x', 'multipart/form-data')).toThrow(/boundary/);
  });

  it('reads a + in a desk phone query as a plus, and as a space elsewhere', () => {
    const url = new URL('http://listener/phone/t/incoming?remote=sip:+49211555@pbx&name=Anna+Muster');
    expect(fromQuery(url, true)).toEqual({ remote: 'sip:+49211555@pbx', name: 'Anna+Muster' });
    expect(fromQuery(url, false)).toEqual({ remote: 'sip: 49211555@pbx', name: 'Anna Muster' });
    expect(fromQuery(new URL('http://listener/p?remote=%2B49211'), true)).toEqual({ remote: '+49211' });
  });

  it('takes unexpanded template variables as absent, naming each', () => {
    const { params, dropped } = withoutPlaceholders(
      fromSearch(
        new URLSearchParams('callid=$call-id&remote=$remote&local=12&user[]=$user&user[]=anna&price=$5'),
      ),
    );
    expect(params).toEqual({ local: '12', user: ['anna'], price: '$5' });
    expect(dropped).toEqual([
      'callid: "$call-id" is an unexpanded placeholder, taken as absent',
      'remote: "$remote" is an unexpanded placeholder, taken as absent',
      'user: "$user" is an unexpanded placeholder, taken as absent',
    ]);
  });
});
