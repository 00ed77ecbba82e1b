import { describe, expect, it } from 'vitest';
import { CallRecords } from './call-records.js';

describe('CallRecords', () => {
  it('keeps a call while its state, popup or work matters, and drops it after', () => {
    const calls = new CallRecords();
    const record = calls.of('c1');
    record.work = Promise.resolve();
    calls.release('c1');
    expect(calls.get('c1')).toBe(record);
    record.work = null;
    calls.release('c1');
    expect(calls.get('c1')).toBeUndefined();
    expect(calls.of('c1')).not.toBe(record);
  });

  it('lists shown popups in the order their calls appeared', () => {
    const calls = new CallRecords();
    for (const id of ['a', 'b', 'c']) calls.of(id);
    calls.of('c').model = { callId: 'c' } as never;
    calls.of('a').model = { callId: 'a' } as never;
    expect(calls.shown().map((model) => model.callId)).toEqual(['a', 'c']);
  });
});
