import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND } from '../../test-support/rules.js';
import { canonicalAddress, tapiAddress } from './canonical-address.js';

describe('canonicalAddress', () => {
  it.each([
    ['+4921133990312', '+49 (211) 33990312'],
    ['+492115551234', '+49 (211) 5551234'],
    ['+49301234567', '+49 (30) 1234567'],
    ['+4915123456789', '+49 (1512) 3456789'],
    ['+14255550100', '+1 (425) 5550100'],
    ['+442079460958', '+44 (20) 79460958'],
    ['+390612345678', '+39 (06) 12345678'],
  ])('writes %s as %s', (e164, canonical) => {
    expect(canonicalAddress(e164)).toBe(canonical);
  });

  it('takes the agent’s own area code for numbers in the agent’s area', () => {
    expect(canonicalAddress('+4921133990312', DUESSELDORF)).toBe('+49 (211) 33990312');
    expect(canonicalAddress('+14255550100', REDMOND)).toBe('+1 (425) 5550100');
  });

  it('leaves the area out when none can be told, and refuses what is not E.164', () => {
    expect(canonicalAddress('+4912')).toBe('+49 12');
    expect(canonicalAddress('12')).toBeNull();
    expect(canonicalAddress('+49 211 555')).toBeNull();
    expect(canonicalAddress('+999123456')).toBeNull();
  });
});

describe('tapiAddress', () => {
  it('sends the dialable string as it is with the dialable format', () => {
    expect(tapiAddress('+4921133990312', '033990312', 'dialable', DUESSELDORF)).toEqual({
      address: '033990312',
      translate: false,
    });
  });

  it('sends the canonical address for Windows to translate with the canonical format', () => {
    expect(tapiAddress('+442079460958', '000442079460958', 'canonical', DUESSELDORF)).toEqual({
      address: '+44 (20) 79460958',
      translate: true,
    });
  });

  it('sends extensions and numbers that are not E.164 as Ringdesk dials them', () => {
    expect(tapiAddress('+4921133990312', '12', 'canonical', DUESSELDORF)).toEqual({
      address: '12',
      translate: false,
    });
    expect(tapiAddress('*21#', '*21#', 'canonical', DUESSELDORF)).toEqual({
      address: '*21#',
      translate: false,
    });
  });
});
