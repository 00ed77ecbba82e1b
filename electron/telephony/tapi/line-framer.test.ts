import { describe, expect, it } from 'vitest';
import { FramingError, LineFramer } from './line-framer.js';

describe('LineFramer', () => {
  it('cuts chunks into lines, keeping a partial line for the next chunk', () => {
    const framer = new LineFramer(100);
    expect(framer.push(Buffer.from('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(framer.push(Buffer.from(':2}\r\n\n{"c":3}\n'))).toEqual(['{"b":2}', '', '{"c":3}']);
    expect(framer.push(Buffer.from(''))).toEqual([]);
  });

  it('joins a character split between chunks', () => {
    const framer = new LineFramer(100);
    const bytes = Buffer.from('Büro\n');
    expect(framer.push(bytes.subarray(0, 2))).toEqual([]);
    expect(framer.push(bytes.subarray(2))).toEqual(['Büro']);
  });

  it('accepts a line of exactly the limit, newline included, and refuses a longer one', () => {
    expect(new LineFramer(5).push(Buffer.from('abcd\n'))).toEqual(['abcd']);
    expect(() => new LineFramer(5).push(Buffer.from('abcde\n'))).toThrow(FramingError);
  });

  it('refuses a line that grows past the limit before its newline arrives', () => {
    const framer = new LineFramer(10);
    framer.push(Buffer.from('12345'));
    expect(() => framer.push(Buffer.from('678901'))).toThrow('a line longer than 10 bytes');
  });

  it('refuses a line that is not UTF-8', () => {
    expect(() => new LineFramer(10).push(Buffer.from([0x41, 0xc3, 0x28, 0x0a]))).toThrow(
      'a line that is not UTF-8',
    );
  });
});
