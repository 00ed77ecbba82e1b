import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { CallTracker, type CallChange } from './call-tracker.js';
import type { LineEvent } from './line-provider.js';
import { parseRecording, recordLine } from './line-recorder.js';
import { SimulatorProvider } from './simulator-provider.js';

const tempDir = useTempDir();

/** A line that plays a PBX's odd event order: a duplicate offering, an answer after the end. */
class FakePbxLine extends SimulatorProvider {
  play(events: LineEvent[]): void {
    for (const event of events) (this as unknown as { emit(event: LineEvent): void }).emit(event);
  }
}

function outcomes(changes: CallChange[]) {
  return changes
    .filter((change) => change.kind === 'finished')
    .map((change) => [change.call.remote, change.call.state, change.call.cause]);
}

describe('record and replay', () => {
  it('replays a recorded line on the simulator with the same outcome', async () => {
    const file = path.join(tempDir(), 'line.jsonl');
    let time = 1000;
    const pbx = new FakePbxLine({ line: '12' });
    const stop = recordLine(pbx, file, () => (time += 250));
    await pbx.connect();
    pbx.play([
      { type: 'offering', callId: 'x1', line: '12', remote: '0211 5551234' },
      { type: 'offering', callId: 'x1', line: '12', remote: '0211 5551234' },
      { type: 'offering', callId: 'x2', line: '12', remote: '030 1234567' },
      { type: 'connected', callId: 'x2' },
      { type: 'ended', callId: 'x1', cause: 'noAnswer' },
      { type: 'ended', callId: 'x2', cause: 'normalClearing' },
      { type: 'connected', callId: 'x1' },
    ]);
    stop();
    const recording = parseRecording(readFileSync(file, 'utf8'));
    expect(recording.slice(0, 2)).toEqual([
      { t: 250, event: { type: 'state', state: 'connecting' } },
      { t: 500, event: { type: 'state', state: 'connected' } },
    ]);

    const live = new CallTracker(Date.now);
    const original: CallChange[] = [];
    for (const { event } of recording) {
      const change = live.handle(event);
      if (change !== null) original.push(change);
    }
    const simulator = new SimulatorProvider({ line: '12' });
    const replayed: CallChange[] = [];
    const tracker = new CallTracker(Date.now);
    simulator.onEvent((event) => {
      const change = tracker.handle(event);
      if (change !== null) replayed.push(change);
    });
    await simulator.connect();
    const waits: number[] = [];
    const ids = await simulator.replay(recording, 2, (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    expect(ids).toEqual(['replay-1-1', 'replay-1-2']);
    expect(outcomes(replayed)).toEqual(outcomes(original));
    expect(outcomes(replayed)).toEqual([
      ['0211 5551234', 'missed', 'noAnswer'],
      ['030 1234567', 'ended', 'normalClearing'],
    ]);
    expect(waits.every((ms) => ms === 125)).toBe(true);
  });

  it('names the line of a recording it cannot read', () => {
    expect(() => parseRecording('{"t":0,"event":{"type":"connected","callId":"a"}}\nnot json\n')).toThrow(
      'recording line 2: not JSON',
    );
    expect(() => parseRecording('{"t":0,"event":{"type":"explode"}}')).toThrow(
      'recording line 1: not a recorded line event',
    );
  });
});
