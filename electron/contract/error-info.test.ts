import { describe, expect, it } from 'vitest';
import { NumberError } from '../numbers/number-error.js';
import {
  CodedError,
  decodeIpcError,
  encodeIpcError,
  errorBody,
  errorInfoOf,
  readErrorBody,
} from './error-info.js';

describe('error info', () => {
  it('keeps the code and params of a coded error and of the number engine, the message of any other', () => {
    expect(
      errorInfoOf(new CodedError('your phone is busy', 'line.busy', { number: '0211 5551234' })),
    ).toEqual({
      message: 'your phone is busy',
      code: 'line.busy',
      params: { number: '0211 5551234' },
    });
    expect(errorInfoOf(new NumberError('no-digits', 'the number contains no digits'))).toEqual({
      message: 'the number contains no digits',
      code: 'number.no-digits',
    });
    const system = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(errorInfoOf(system)).toEqual({ message: 'connect ECONNREFUSED' });
    expect(errorInfoOf('plain')).toEqual({ message: 'plain' });
    expect(errorBody(errorInfoOf(new CodedError('gone', 'confirm.gone')))).toEqual({
      error: 'gone',
      code: 'confirm.gone',
    });
  });

  it('reads a body from the network as data: a malformed code or params is dropped, the message kept', () => {
    expect(readErrorBody({ error: 'x', code: 'line.busy', params: { number: '12' }, id: 3 })).toEqual({
      message: 'x',
      code: 'line.busy',
      params: { number: '12' },
    });
    expect(readErrorBody({ error: 'x', code: 'Not A Code!' })).toEqual({ message: 'x' });
    const hostile = JSON.parse(
      '{"error":"x","code":"line.busy","params":{"__proto__":{"polluted":1}}}',
    ) as unknown;
    const read = readErrorBody(hostile);
    expect(read).toEqual({ message: 'x', code: 'line.busy' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readErrorBody({ error: 'x', code: 'line.busy', params: { number: { nested: 1 } } })).toEqual({
      message: 'x',
      code: 'line.busy',
    });
    expect(readErrorBody({ code: 'line.busy' })).toBeNull();
    expect(readErrorBody('error')).toBeNull();
    // A code this side does not know is kept: the window falls back to the message.
    expect(readErrorBody({ error: 'x', code: 'line.new-reason' })).toEqual({
      message: 'x',
      code: 'line.new-reason',
    });
  });

  it("goes through Electron's message and back; the router's marker, always last, wins over one in the text", () => {
    const info = { message: 'no such popup', code: 'popup.not-found' };
    const thrown = (message: string) => `Error invoking remote method 'ringdesk:invoke': Error: ${message}`;
    expect(decodeIpcError(thrown(encodeIpcError(info)))).toEqual(info);
    const forged = encodeIpcError({ message: 'x', code: 'line.busy', params: { number: 'forged' } });
    const honest = { message: `refused link: ${forged}`, code: 'number.invalid-uri' };
    expect(decodeIpcError(thrown(encodeIpcError(honest)))).toEqual(honest);
    expect(decodeIpcError(thrown('refused: not a Ringdesk window'))).toEqual({
      message: 'refused: not a Ringdesk window',
    });
    expect(decodeIpcError('x\n@ringdesk-error {broken')).toEqual({ message: 'x' });
  });
});
