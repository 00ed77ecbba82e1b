import { describe, expect, it } from 'vitest';
import { readTsv } from '../../test-support/testdata.js';
import { dialStatusCause, hangupCauseName, isGenericCause, originateFailure } from './ami-causes.js';

const camel = (name: string) =>
  name
    .toLowerCase()
    .split('_')
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

describe('hangupCauseName', () => {
  it("names every cause of Asterisk's table, busy and congestion in the providers' short words", () => {
    const rows = readTsv('ami/asterisk_hangup_causes.tsv');
    expect(rows.length).toBeGreaterThan(40);
    const shortWords: Record<string, string> = { '17': 'busy', '34': 'congestion' };
    for (const [code = '', astName = ''] of rows)
      expect([code, hangupCauseName(code)]).toEqual([code, shortWords[code] ?? camel(astName)]);
    expect(hangupCauseName('16')).toBe('normalClearing');
    expect(hangupCauseName('19')).toBe('noAnswer');
    expect(hangupCauseName('26')).toBe('answeredElsewhere');
  });

  it('keeps codes outside the table and refuses what is no code', () => {
    expect(hangupCauseName('4')).toBe('cause4');
    expect(hangupCauseName('0')).toBe('unknown');
    expect(hangupCauseName(undefined)).toBeNull();
    expect(hangupCauseName('Normal Clearing')).toBeNull();
    expect(hangupCauseName('16; DROP')).toBeNull();
  });

  it('calls only "cleared" causes generic', () => {
    expect(['0', '16', '31', undefined].every(isGenericCause)).toBe(true);
    expect(['17', '19', '26'].some(isGenericCause)).toBe(false);
  });
});

describe('dialStatusCause', () => {
  it('maps failed dial statuses, and nothing for an answer', () => {
    expect(dialStatusCause('BUSY')).toBe('busy');
    expect(dialStatusCause('NOANSWER')).toBe('noAnswer');
    expect(dialStatusCause('TIMEDOUT')).toBe('noAnswer'); // the AMI v2 spec example [5]
    expect(dialStatusCause('CANCEL')).toBe('cancel');
    expect(dialStatusCause('CHANUNAVAIL')).toBe('unavailable');
    expect(dialStatusCause('ANSWER')).toBeNull();
    expect(dialStatusCause('GOTO:ctx,s,1')).toBeNull();
  });
});

describe('originateFailure', () => {
  it('explains the observed Reason codes for the agent', () => {
    expect(originateFailure('3', 'PJSIP/12')).toEqual({
      cause: 'noAnswer',
      message: 'PJSIP/12 rang but nobody answered',
    });
    expect(originateFailure('5', 'PJSIP/12').cause).toBe('busy');
    expect(originateFailure('0', 'PJSIP/12').message).toMatch(/could not reach PJSIP\/12/);
    expect(originateFailure('77', 'PJSIP/12').message).toMatch(/reason 77/);
  });
});
