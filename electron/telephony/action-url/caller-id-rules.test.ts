/**
 * Outbound caller-ID rules as Zammad's CTI drivers apply them (app/models/cti/driver/base.rb,
 * `caller_id_rule`: `*` becomes `.+?` inside `^…$`), for every endpoint that offers them
 * (sipgate.io, Placetel, Zammad's own format).
 */
import { describe, expect, it } from 'vitest';
import { callerIdFor } from './caller-id-rules.js';

const rules = [
  { dest: '41*', callerId: '41715880339000' },
  { dest: '491714000000', callerId: '41715880339001' },
];

describe('callerIdFor', () => {
  it('takes the first rule whose destination matches, a prefix needing at least one digit after it', () => {
    expect(callerIdFor('+41715880339', rules, undefined)).toBe('41715880339000');
    expect(callerIdFor('491714000000', rules, '4930777000000')).toBe('41715880339001');
    expect(callerIdFor('41', rules, '4930777000000')).toBe('4930777000000');
  });

  it('falls back to the default caller ID, and to none (the PBX’s own) without one', () => {
    expect(callerIdFor('4989123', rules, '4930777000000')).toBe('4930777000000');
    expect(callerIdFor('4989123', rules, undefined)).toBeNull();
    expect(callerIdFor('', rules, '4930777000000')).toBeNull();
  });
});
