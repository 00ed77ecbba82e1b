import { describe, expect, it } from 'vitest';
import type { LineStatus } from '../../electron/contract/models.js';
import { translator } from './i18n/i18n.js';
import { isLineDown, problemSentence, productName, secondsLeft } from './line-words.js';

const down: LineStatus = {
  provider: 'ami',
  line: '12',
  state: 'disconnected',
  reason: 'cannot reach Asterisk at pbx:5038: connect ECONNREFUSED 10.0.0.9:5038',
  capabilities: ['watch', 'dial'],
  product: 'asterisk',
  target: 'pbx:5038',
  problem: 'refused',
  retryInMs: 8000,
};

describe('line words', () => {
  it('say what is wrong in plain words, in both languages', () => {
    expect(problemSentence(translator('en-GB').t, down)).toBe('Asterisk at pbx:5038 refuses the connection.');
    expect(problemSentence(translator('de-DE').t, down)).toBe(
      'Asterisk unter pbx:5038 lehnt die Verbindung ab.',
    );
    const tapi = {
      ...down,
      provider: 'tapi',
      product: 'tapi' as const,
      target: null,
      problem: 'bridge-exited' as const,
    };
    expect(problemSentence(translator('en-GB').t, tapi)).toBe('The Windows TAPI bridge has stopped.');
    const webhook = {
      ...down,
      provider: 'action-url',
      product: 'zammad' as const,
      target: '127.0.0.1:8765',
      problem: 'address-in-use' as const,
    };
    expect(problemSentence(translator('en-GB').t, webhook)).toBe(
      'Ringdesk cannot listen on 127.0.0.1:8765: another program uses that port.',
    );
  });

  it('name the product, also for a Companion that does not send one', () => {
    const t = translator('en-GB').t;
    expect(productName(t, { ...down, product: 'zammad' })).toBe('Zammad webhook');
    const older: LineStatus = { ...down };
    delete older.product;
    expect(productName(t, older)).toBe('Asterisk');
    expect(productName(t, { ...older, provider: 'tapi' })).toBe('Windows TAPI');
  });

  it('count a first connect as not down, a retry after a failure as down', () => {
    expect(isLineDown(down)).toBe(true);
    expect(isLineDown({ ...down, state: 'connecting', reason: null })).toBe(false);
    expect(isLineDown({ ...down, state: 'connecting' })).toBe(true);
    expect(isLineDown({ ...down, state: 'connected', reason: null })).toBe(false);
    expect(isLineDown(null)).toBe(false);
  });

  it('count down in whole seconds', () => {
    expect(secondsLeft(8000, 0)).toBe(8);
    expect(secondsLeft(8000, 1)).toBe(8);
    expect(secondsLeft(8000, 7001)).toBe(1);
    expect(secondsLeft(8000, 9000)).toBe(0);
    expect(secondsLeft(null, 0)).toBeNull();
  });
});
