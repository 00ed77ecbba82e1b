import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND } from '../../test-support/rules.js';
import { NUMBER_PLACEHOLDERS, numberForms, NumberFormError } from './number-forms.js';

describe('the forms of a looked-up number', () => {
  it('gives every way a German helpdesk may have stored a Düsseldorf number', () => {
    const forms = numberForms('+492115551234', DUESSELDORF);
    expect(forms).toMatchObject({
      'number.e164': '+492115551234',
      'number.digits': '492115551234',
      'number.national': '2115551234',
      'number.trunk': '02115551234',
      'number.international': '00492115551234',
      'number.tail': '5551234',
      'number.short': '1234',
      // In the agent's own area: the subscriber number only, so "5551234" alone is found too.
      'number.wildcard': '*5*5*5*1*2*3*4*',
    });
    expect(forms['number.tokens']).toMatch(
      /^\(02115551234 OR 492115551234 OR 2115551234 OR 00492115551234 OR /,
    );
    expect(Object.keys(forms).sort()).toEqual([...NUMBER_PLACEHOLDERS].sort());
  });

  it('spans the whole national number with the wildcard pattern outside the agent’s area', () => {
    expect(numberForms('+49615112345', DUESSELDORF)['number.wildcard']).toBe('*6*1*5*1*1*2*3*4*5*');
    expect(numberForms('+442079460000', DUESSELDORF)['number.wildcard']).toBe('*2*0*7*9*4*6*0*0*0*0*');
  });

  it('writes a foreign number nationally as its own country does, internationally as the agent dials', () => {
    const london = numberForms('+442079460000', DUESSELDORF);
    expect(london['number.national']).toBe('2079460000');
    expect(london['number.trunk']).toBe('02079460000');
    expect(london['number.international']).toBe('00442079460000');
    const rome = numberForms('+390612345678', DUESSELDORF);
    expect(rome['number.trunk']).toBe('0612345678'); // Italy has no trunk prefix to add
    expect(numberForms('+14255551234', REDMOND)['number.international']).toBe('01114255551234');
    expect(numberForms('+14255551234', REDMOND)['number.trunk']).toBe('14255551234');
  });

  it('keeps a short number whole as its tail', () => {
    expect(numberForms('+4930112', DUESSELDORF)['number.tail']).toBe('30112');
  });

  it('refuses anything that is not an E.164 number, so it never reaches a search', () => {
    for (const bad of ['', '0211 5551234', '+49&query=*', '+49 211 5551234', '+0211', '+1234567890123456'])
      expect(() => numberForms(bad, DUESSELDORF), bad).toThrow(NumberFormError);
    expect(() => numberForms('+999123', DUESSELDORF)).toThrow(/no country calling code/);
  });
});
