import { describe, expect, it } from 'vitest';
import { findLine } from './line-choice.js';

const lines = [
  { id: 'PJSIP/7001', name: '7001@ext-local (PJSIP/7001)', extension: '7001' },
  { id: 'PJSIP/phone-b7', name: '7002@ext-local (PJSIP/phone-b7)', extension: '7002' },
  { id: 'PJSIP/7003', name: '7003@ext-local (PJSIP/7003)', extension: '7003' },
  { id: 'SIP/7003', name: '7003@ext-local (SIP/7003)', extension: '7003' },
];

describe('findLine: the line as the settings write it', () => {
  it('finds a device by its extension, its id or its name', () => {
    expect(findLine(lines, '7002')).toEqual({ kind: 'found', line: lines[1] });
    expect(findLine(lines, 'pjsip/phone-b7')).toEqual({ kind: 'found', line: lines[1] });
    expect(findLine(lines, '7002@ext-local (PJSIP/phone-b7)')).toEqual({ kind: 'found', line: lines[1] });
  });

  it('names every device of an extension several answer to, and finds one by its device', () => {
    expect(findLine(lines, '7003')).toEqual({ kind: 'ambiguous', lines: [lines[2], lines[3]] });
    expect(findLine(lines, 'SIP/7003')).toEqual({ kind: 'found', line: lines[3] });
  });

  it('finds nothing for a line that is not there', () => {
    expect(findLine(lines, '7009')).toEqual({ kind: 'none' });
    expect(findLine(lines, '')).toEqual({ kind: 'none' });
  });
});
