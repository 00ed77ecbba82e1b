import { describe, expect, it } from 'vitest';
import { isDate, MAX_CANDIDATES, numberCandidates } from './number-in-text.js';

describe('numberCandidates', () => {
  it('offers a selected number as it is', () => {
    expect(numberCandidates('  +49 211 339903-12\n')).toEqual(['+49 211 339903-12']);
  });

  it('finds the number in a signature line, without the words and the full stop', () => {
    expect(numberCandidates('Tel.: +49 (0)211 339903-12.')).toEqual([
      'Tel.: +49 (0)211 339903-12.',
      '+49 (0)211 339903-12',
    ]);
  });

  it('keeps numbers on separate lines apart, in order', () => {
    expect(numberCandidates('Office 0211 5551111\nMobile 0171 2345678')).toEqual([
      '0211 5551111',
      '5551111',
      '0171 2345678',
      '2345678',
    ]);
  });

  it('reads a phone link that was copied', () => {
    expect(numberCandidates('tel:+4921133990312')).toContain('+4921133990312');
  });

  it('has no candidate in text without digits, or with single digits only', () => {
    expect(numberCandidates('hello world')).toEqual(['hello world']);
    expect(numberCandidates('page 1 of 2\nsee above')).toEqual([]);
    expect(numberCandidates('')).toEqual([]);
  });

  it('reads only the start of a very long text, and a bounded number of candidates', () => {
    const long = '12 ab '.repeat(5000);
    expect(numberCandidates(long).length).toBeLessThanOrEqual(MAX_CANDIDATES);
    expect(numberCandidates(`${'x'.repeat(5000)} 0211 5551111`)).toEqual([]);
  });
});

describe('isDate', () => {
  it.each(['2026-12-06', '06.12.2026', '6.12.26', '12/06/2026'])('%s is a date', (text) => {
    expect(isDate(text)).toBe(true);
  });
  it.each(['0211-555-12', '12.34.5678', '0211 5551234', '2026-13-45'])('%s is no date', (text) => {
    expect(isDate(text)).toBe(false);
  });
  it('a selection that is only a date has no candidate', () => {
    expect(numberCandidates(' 2026-12-06 ')).toEqual([]);
    expect(numberCandidates('06.12.2026')).toEqual([]);
  });
  it('a customer number before the phone number does not hide it', () => {
    expect(numberCandidates('Kundennr. 4711 0211 5551234')).toEqual([
      'Kundennr. 4711 0211 5551234',
      '4711 0211 5551234',
      '0211 5551234',
      '5551234',
    ]);
  });
  it('a date in text is no candidate; the number beside it is', () => {
    expect(numberCandidates('Ticket from 2026-12-06, call back 0211 5551234')).toEqual([
      'Ticket from 2026-12-06, call back 0211 5551234',
      '0211 5551234',
      '5551234',
    ]);
  });
});
