import { describe, expect, it } from 'vitest';
import { complete } from '../numbers/complete.js';
import { DUESSELDORF } from '../test-support/rules.js';
import { readCsvAddressBook } from './csv-address-book.js';
import { PhoneIndex } from './phone-index.js';

const book = [
  'Name,Company,Business Phone,Mobile Phone,Home Phone',
  'Ada Colleague,Ringdesk AG,+49 211 339903-12,,',
  'Bert Local,Bäckerei,0211/555-1234,(0211) 555 1234,',
  'Cem Berlin,,030 1234567,+49 (0)30 1234567,',
  'Dora Shared,Bäckerei,+492115551234,,',
  'Ed London,,+44 20 7946 0958,,',
  'Fay Tail,,+44 211 5551234,,',
].join('\n');
const { contacts } = readCsvAddressBook(book, { file: 'c.csv', directory: 'Book', rules: DUESSELDORF });
const index = PhoneIndex.build(contacts);
const who = (input: string) =>
  index.lookup(complete(input, DUESSELDORF).e164!).map((contact) => contact.name);

describe('PhoneIndex', () => {
  it('matches numbers stored in any format by their E.164 form', () => {
    expect(who('+4930 1234567')).toEqual(['Cem Berlin']);
    expect(who('004930-1234567')).toEqual(['Cem Berlin']);
    expect(who('+442079460958')).toEqual(['Ed London']);
  });

  it('matches an incoming extension to the colleague stored with the full company number', () => {
    expect(who('12')).toEqual(['Ada Colleague']);
  });

  it('returns every contact with the number, each once', () => {
    expect(who('5551234')).toEqual(['Bert Local', 'Dora Shared']);
  });

  it('never matches on trailing digits across countries', () => {
    expect(who('+43 211 5551234')).toEqual([]);
    expect(who('+44 211 5551234')).toEqual(['Fay Tail']);
    expect(who('551234')).toEqual([]);
  });

  it('counts contacts and numbers', () => {
    expect(index.contactCount).toBe(6);
    expect(index.numberCount).toBe(5);
  });
});
