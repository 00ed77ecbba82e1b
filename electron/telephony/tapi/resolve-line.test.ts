import { describe, expect, it } from 'vitest';
import { resolveTapiLine, TapiLineError, type TapiLineInfo } from './resolve-line.js';

const LINES: TapiLineInfo[] = [
  { id: 0, name: 'Office Phone 12' },
  { id: 1, name: 'office phone 12' },
  { id: 2, name: 'Queue' },
  { id: 3, name: 'Modem', error: 'LINEERR_INCOMPATIBLEAPIVERSION' },
  { id: 4, name: '2' },
];

describe('resolveTapiLine', () => {
  it('prefers the exact name, then the name in any case, then the device id', () => {
    expect(resolveTapiLine(LINES, 'office phone 12').id).toBe(1);
    expect(resolveTapiLine(LINES, 'QUEUE').id).toBe(2);
    expect(resolveTapiLine(LINES, '2').id).toBe(4);
    expect(resolveTapiLine(LINES, '0').id).toBe(0);
  });

  it('asks for the device id when a name fits two lines', () => {
    expect(() => resolveTapiLine(LINES, 'OFFICE PHONE 12')).toThrow(
      '2 TAPI lines are called "OFFICE PHONE 12": set line to the device id of the one to watch (0, 1)',
    );
  });

  it('says why a line cannot be used', () => {
    expect(() => resolveTapiLine(LINES, 'Modem')).toThrow(
      'the TAPI line "Modem" cannot be used: LINEERR_INCOMPATIBLEAPIVERSION',
    );
  });

  it('names the usable lines when none fits', () => {
    expect(() => resolveTapiLine(LINES, 'Nope')).toThrow(
      'there is no TAPI line "Nope"; TAPI has "Office Phone 12" (0), "office phone 12" (1), "Queue" (2), "2" (4)',
    );
    expect(() => resolveTapiLine([], '0')).toThrow(TapiLineError);
    expect(() => resolveTapiLine([], '0')).toThrow(/TAPI lists no usable line/);
  });
});
