/**
 * Nothing acknowledged is lost: the real headless host (`ringdesk serve`) watches an action-url
 * line with Zammad's endpoint; a burst of calls (newCall, then hangup, as Zammad's CTI API
 * describes them) arrives over real HTTP from several senders at once; the host is killed with
 * SIGKILL in the middle of the burst and started again. Every call whose hang-up was answered 200
 * must then be in the journal (or its archive, which the burst rolls into) exactly once.
 */
import { createServer } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe } from '../test-support/serve-process.js';
import { useTempDir } from '../test-support/temp-dir.js';

const tempDir = useTempDir();
const TOKEN = 'burst-token-0123456789';
const CALLS = 1500;
const SENDERS = 12;
const KILL_AFTER_ACKS = 700;

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Every journal record's callId, in the journal and its archive. */
function journaledCallIds(home: string): string[] {
  return ['journal-archive.jsonl', 'journal.jsonl'].flatMap((name) => {
    const file = path.join(home, name);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        const value = JSON.parse(line) as { callId?: string };
        return value.callId === undefined ? [] : [value.callId];
      });
  });
}

async function post(url: string, params: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Sends calls `next()` gives until it gives none or the host is gone; records acknowledged ends. */
async function sender(url: string, next: () => number | null, acked: string[], onAck: () => void) {
  for (let index = next(); index !== null; index = next()) {
    const callId = `burst-${index}`;
    const call = { direction: 'in', from: '492115551234', to: '4921133990312', call_id: callId };
    try {
      if ((await post(url, { ...call, event: 'newCall' })) !== 200) continue;
      if ((await post(url, { ...call, event: 'hangup', cause: 'cancel' })) !== 200) continue;
    } catch {
      return; // the host was killed: this sender stops
    }
    acked.push(callId);
    onAck();
  }
}

describe('ringdesk serve killed in the middle of a burst of webhook calls', () => {
  it('keeps every call it acknowledged, exactly once, after a restart', async () => {
    const home = tempDir();
    const port = await freePort();
    writeFileSync(
      path.join(home, 'config.json'),
      JSON.stringify({
        dialingRules: { countryCode: '49', areaCode: '211' },
        line: {
          provider: 'action-url',
          line: '12',
          listen: `127.0.0.1:${port}`,
          token: { env: 'RD_WEBHOOK_TOKEN' },
          zammad: {},
          rateLimit: { burst: 10_000, perSecond: 10_000 },
        },
        journal: { retention: 400 },
      }),
    );
    const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '', RD_WEBHOOK_TOKEN: TOKEN };
    const host = await startServe(env);
    const url = `http://127.0.0.1:${port}/api/v1/cti/${TOKEN}`;
    const acked: string[] = [];
    let sent = 0;
    const kill: { done: Promise<void> | null } = { done: null };
    const next = () => (kill.done === null && sent < CALLS ? sent++ : null);
    const onAck = () => {
      if (acked.length >= KILL_AFTER_ACKS && kill.done === null) kill.done = host.crash();
    };
    await Promise.all(Array.from({ length: SENDERS }, () => sender(url, next, acked, onAck)));
    expect(kill.done, 'the host was killed mid-burst').not.toBeNull();
    await kill.done;
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(CALLS);

    // Started again, the host opens the journal (cutting a line the kill tore) and goes on.
    const again = await startServe(env);
    expect(await post(url, { event: 'newCall', direction: 'in', from: '1', to: '2', call_id: 'after' })).toBe(
      200,
    );
    expect(await again.stop()).toBe(0);

    const journaled = journaledCallIds(home);
    const counts = new Map<string, number>();
    for (const callId of journaled) counts.set(callId, (counts.get(callId) ?? 0) + 1);
    const lost = acked.filter((callId) => !counts.has(callId));
    const twice = [...counts].filter(([, count]) => count > 1).map(([callId]) => callId);
    expect({ lost, twice }).toEqual({ lost: [], twice: [] });
    // The call still ringing when the restarted host stopped is journaled too: the journal works on.
    expect(journaled.at(-1)).toBe('after');
  }, 240_000);
});
