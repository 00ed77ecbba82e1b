/**
 * The events the `ami` line reads must reach it: the server filter Ringdesk sends and the
 * `eventfilter` line the providers guide tells admins to put in manager.conf both let through
 * every event the mapper handles (read from its source, so a new `case` without a filter change
 * fails here, not on a real server that silently drops it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_EVENTS_FILTER, EVENT_CLASSES } from './ami-login.js';

const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const handled = [...source('./ami-call-mapper.ts').matchAll(/case '([a-z]+)':/g)].map(
  (match) => match[1] ?? '',
);
const guide = source('../../../docs/providers.md');

/** Asterisk's spelling of each event the mapper lower-cases. */
const SPELLING: Record<string, string> = {
  newchannel: 'Newchannel',
  newstate: 'Newstate',
  dialbegin: 'DialBegin',
  dialend: 'DialEnd',
  dialstate: 'DialState',
  dial: 'Dial',
  bridgeenter: 'BridgeEnter',
  bridge: 'Bridge',
  localbridge: 'LocalBridge',
  rename: 'Rename',
  hangup: 'Hangup',
  newcallerid: 'NewCallerid',
  newconnectedline: 'NewConnectedLine',
  queuecallerjoin: 'QueueCallerJoin',
  join: 'Join',
  queuecallerabandon: 'QueueCallerAbandon',
  agentconnect: 'AgentConnect',
};

describe('the AMI event filter', () => {
  it('lets through every event the mapper reads, on the server and in the guide’s manager.conf', () => {
    const documented = /^eventfilter = (.*)$/m.exec(guide)?.[1];
    expect(documented).toBe(CALL_EVENTS_FILTER);
    expect(handled.length).toBeGreaterThan(10);
    for (const name of handled) {
      const spelled = SPELLING[name];
      expect(spelled, `Asterisk's spelling of ${name}`).toBeDefined();
      expect(new RegExp(CALL_EVENTS_FILTER).test(`Event: ${spelled ?? ''}`), spelled).toBe(true);
    }
    expect(new RegExp(CALL_EVENTS_FILTER).test('Event: OriginateResponse')).toBe(true);
    expect(new RegExp(CALL_EVENTS_FILTER).test('Event: VarSet')).toBe(false);
  });

  it('asks for the agent class the queue events need, and the guide grants it', () => {
    expect(EVENT_CLASSES.split(',')).toEqual(['call', 'agent']);
    expect(/^read = call,agent\b/m.test(guide)).toBe(true);
  });
});
