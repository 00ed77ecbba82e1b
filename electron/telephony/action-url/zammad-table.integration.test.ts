/**
 * Every row of Zammad's own CTI request spec (testdata/zammad), sent to the action-url listener
 * over HTTP as Zammad's spec sends it (form data; row 18 as JSON): the HTTP status and JSON reply
 * must be Zammad's, and the calls that result must be what an agent expects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readTsv } from '../../test-support/testdata.js';
import { CallTracker, type CallChange } from '../call-tracker.js';
import { ActionUrlProvider } from './action-url-provider.js';
import { actionUrlLineSchema } from './action-url-settings.js';

const TOKEN = 'zammad-cti-token-0123';
const providers: ActionUrlProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.disconnect();
});

async function listener(zammad: object | undefined) {
  const provider = new ActionUrlProvider(
    actionUrlLineSchema.parse({
      provider: 'action-url',
      listen: '127.0.0.1:0',
      token: TOKEN,
      zammad,
      rateLimit: { burst: 1000 },
    }),
    { env: {}, isBlocked: (remote) => remote === '+491715000000' },
  );
  providers.push(provider);
  const tracker = new CallTracker(Date.now);
  const finished: CallChange[] = [];
  provider.onEvent((event) => {
    const change = tracker.handle(event);
    if (change?.kind === 'finished') finished.push(change);
  });
  await provider.connect();
  return { base: `http://127.0.0.1:${provider.address()!.port}`, finished };
}

/** The spec's `user` cell: `user 1`, `[user+1, user+2]` (a list), `user 1,user 2` (a string). */
function users(cell: string): string[] | string | null {
  if (cell === '') return null;
  if (cell.startsWith('['))
    return cell
      .slice(1, -1)
      .split(',')
      .map((user) => user.trim().replace(/\+/g, ' '));
  return cell;
}

describe("Zammad's CTI request spec, row by row", () => {
  it('answers every row as Zammad does, and the calls come out right', async () => {
    const configured = await listener({
      outbound: [
        { dest: '41*', callerId: '41715880339000' },
        { dest: '491714000000', callerId: '41715880339000' },
      ],
      defaultCallerId: '4930777000000',
    });
    const unconfigured = await listener(undefined);
    const rows = readTsv('zammad/zammad_cti_spec_request_response.tsv');
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const [
      step,
      scenario,
      event,
      direction,
      from,
      to,
      callId,
      user,
      queue,
      cause,
      status,
      json,
    ] of rows) {
      const base = scenario === 'no config' ? unconfigured.base : configured.base;
      const token = scenario === 'token check' ? 'not_existing_token' : TOKEN;
      const fields: Record<string, string | string[]> = {
        event: event!,
        direction: direction!,
        from: from!,
        to: to!,
        call_id: callId!,
      };
      const listed = users(user!);
      if (listed !== null) fields.user = listed;
      if (queue !== '') fields.queue = queue!;
      if (cause !== '') fields.cause = cause!;
      let body: string;
      let type: string;
      if (scenario!.includes('JSON')) {
        body = JSON.stringify(fields);
        type = 'application/json';
      } else {
        const form = new URLSearchParams();
        for (const [key, value] of Object.entries(fields))
          for (const each of [value].flat()) form.append(Array.isArray(value) ? `${key}[]` : key, each);
        body = form.toString();
        type = 'application/x-www-form-urlencoded';
      }
      const response = await fetch(`${base}/api/v1/cti/${token}`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      });
      expect(response.status, `step ${step} ${scenario}`).toBe(Number(status));
      // An empty cell: the spec asserts Zammad's call log there, not the reply.
      const reply: unknown = await response.json();
      if (json !== '') expect(reply, `step ${step} ${scenario}`).toEqual(JSON.parse(json!));
    }
    const outcome = (id: string) =>
      configured.finished
        .filter((change) => change.call.callId === id)
        .map((change) => [change.call.state, change.call.answeredAt !== null, change.call.cause]);
    expect(outcome('1234567890-1')).toEqual([['ended', false, 'cancel']]);
    expect(outcome('1234567890-2')).toEqual([['ended', true, 'normalClearing']]);
    expect(outcome('1234567890-3')).toEqual([['ended', true, 'normalClearing']]);
    expect(outcome('1234567890-4')).toEqual([['missed', false, 'normalClearing']]); // answered by voicemail: missed for the agent
    expect(outcome('1234567890-5')).toEqual([['missed', false, 'normalClearing']]);
  });

  it('refuses an invalid direction or event with 422', async () => {
    const { base } = await listener({});
    const post = (fields: object) =>
      fetch(`${base}/api/v1/cti/${TOKEN}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fields),
      });
    const direction = await post({
      event: 'newCall',
      direction: 'sideways',
      from: '1',
      to: '2',
      callId: 'x',
    });
    expect([direction.status, await direction.json()]).toEqual([422, { error: 'Invalid direction!' }]);
    const event = await post({ event: 'transfer', direction: 'in', callId: 'x' });
    expect([event.status, await event.json()]).toEqual([422, { error: 'Invalid event!' }]);
  });
});
