import { describe, expect, it } from 'vitest';
import { tapiLineSchema } from './tapi-settings.js';

describe('tapiLineSchema', () => {
  it('fills in the defaults', () => {
    expect(tapiLineSchema.parse({ provider: 'tapi', line: 'Office Phone 12' })).toEqual({
      provider: 'tapi',
      line: 'Office Phone 12',
      addressFormat: 'dialable',
      startTimeoutMs: 20_000,
      timeoutMs: 15_000,
    });
  });

  it('takes both address formats and an absolute bridge path', () => {
    const settings = tapiLineSchema.parse({
      provider: 'tapi',
      line: '0',
      addressFormat: 'canonical',
      bridgePath: 'C:\\Program Files\\Ringdesk\\resources\\tapi-bridge.exe',
      address: '202',
    });
    expect(settings.address).toBe('202');
    expect(settings.addressFormat).toBe('canonical');
    expect(settings.bridgePath).toBe('C:\\Program Files\\Ringdesk\\resources\\tapi-bridge.exe');
  });

  it.each([
    [{ line: 'x', addressFormat: 'e164' }, 'addressFormat'],
    [{ line: 'x', bridgePath: 'tapi-bridge.exe' }, 'must be an absolute path'],
    [{ line: '' }, 'must name a TAPI line'],
    [{ line: 'a\nb' }, 'must be one line of text'],
    [{ line: 'x', address: '' }, 'must name an address of the line'],
    [{ line: 'x', address: '20\t1' }, 'must be one line of text'],
    [{ line: 'x', lines: 'y' }, 'lines'],
    [{ line: 'x', startTimeoutMs: 10 }, 'startTimeoutMs'],
  ])('refuses %j, naming the problem', (fields, problem) => {
    const result = tapiLineSchema.safeParse({ provider: 'tapi', ...fields });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(problem);
  });
});
