/**
 * Turns what a PBX or phone request means ({@link LineIntent}) into line events for the right
 * call, and says in plain words what it did not turn into an event and why (for the request log).
 * PBXs repeat and reorder: one call is one call whatever they send.
 *
 * Rules, in order:
 * - a newCall for a PBX id that ended lately is a repeat: no ghost call; an id-less newCall
 *   from a number already ringing on the line is a repeat of that call;
 * - a newCall whose hang-up came first (remembered, see recent-ends.ts) ends at once;
 * - an end for an open call ends it; an id-less end with no number ends the line's call;
 * - an end repeating a call that already ended is dropped (one missed entry per call);
 * - a `missed` for no call is a missed call the PBX reports only afterwards;
 * - another end for no call is remembered briefly as an early hang-up, except where the PBX
 *   uses the caller's number as call id (3CX via Zammad's endpoint): there it is dropped, and a
 *   repeated id is a new call.
 *
 * Invariant: every `offering`/`dialing` this emits is followed by an `ended` for that call in
 * the same result, or the call stays in the correlator until a later end (or it is pushed out).
 */
import type { LineEvent } from '../line-provider.js';
import type { CallCorrelator, OpenCall } from './call-correlator.js';
import type { LineIntent } from './line-intents.js';
import { EARLY_HANGUP_MS, type RecentEnds } from './recent-ends.js';

/** What one intent did: the events to emit, and notes on what was dropped and why. */
export interface MatchResult {
  readonly events: LineEvent[];
  readonly notes: string[];
}

export class CallMatcher {
  constructor(
    private readonly calls: CallCorrelator,
    private readonly ends: RecentEnds,
  ) {}

  apply(intent: LineIntent): MatchResult {
    const result: MatchResult = { events: [], notes: [] };
    switch (intent.kind) {
      case 'ring':
      case 'outgoing':
        this.start(intent, result);
        break;
      case 'answer':
        this.answer(intent, result);
        break;
      case 'hangup':
      case 'missed':
        this.end(intent, result);
        break;
    }
    return result;
  }

  private start(intent: LineIntent, result: MatchResult): void {
    const { kind, pbxId, line, remote } = intent;
    if (kind === 'outgoing' && this.calls.adopt(pbxId, remote) !== null) return;
    const numberAsId = isNumberId(pbxId, remote);
    if (pbxId !== null && !numberAsId && this.ends.endedId(pbxId)) {
      result.notes.push(`call ${pbxId} already ended: this repeat starts no new call`);
      return;
    }
    const direction = kind === 'ring' ? 'incoming' : 'outgoing';
    if (pbxId === null) {
      const same = this.calls.find(null, line, remote);
      if (same !== null && same.direction === direction && !same.answered) {
        result.notes.push(`a call from ${remote} is already ringing (${same.callId}): taken as a repeat`);
        return;
      }
    }
    const callId = pbxId ?? this.calls.newId();
    if (this.calls.has(callId)) {
      result.notes.push(`call ${callId} is already open: this repeat changes nothing`);
      return;
    }
    const pushedOut = this.calls.add({
      callId,
      pbxId,
      line,
      remote,
      direction,
      dialled: kind === 'outgoing' ? remote : null,
      placedByUrl: false,
    });
    if (pushedOut !== null) {
      result.notes.push(`too many open calls: the oldest (${pushedOut.callId}) was closed`);
      result.events.push({ type: 'ended', callId: pushedOut.callId, cause: 'tooManyOpenCalls' });
    }
    result.events.push(
      kind === 'ring'
        ? { type: 'offering', callId, line, remote }
        : { type: 'dialing', callId, line, remote, dialled: remote },
    );
    const early = numberAsId ? null : this.ends.takeEarly(pbxId, line, remote);
    if (early !== null) {
      result.notes.push(`its hang-up had come first: call ${callId} ended at once`);
      this.finish(this.calls.find(callId, line, remote), early.cause, result);
    }
  }

  private answer(intent: LineIntent, result: MatchResult): void {
    const call = this.find(intent);
    if (call === null) {
      result.notes.push(`answer for no open call (${reference(intent)}): ignored`);
      return;
    }
    if (call.answered) {
      result.notes.push(`call ${call.callId} was already answered: repeat ignored`);
      return;
    }
    this.calls.markAnswered(call.callId);
    result.events.push({ type: 'connected', callId: call.callId });
  }

  private end(intent: LineIntent, result: MatchResult): void {
    const { kind, pbxId, line, remote } = intent;
    const cause = intent.cause ?? (kind === 'missed' ? 'noAnswer' : 'normalClearing');
    const call = this.find(intent);
    if (call !== null) {
      this.finish(call, cause, result);
      return;
    }
    const what = `${kind === 'missed' ? 'missed report' : 'hang-up'} for no open call (${reference(intent)})`;
    const numberAsId = isNumberId(pbxId, remote);
    const repeat =
      !numberAsId && (pbxId !== null ? this.ends.endedId(pbxId) : this.ends.endedNumber(line, remote));
    if (repeat) {
      result.notes.push(`${what}: that call already ended, so this repeat is not counted again`);
    } else if (intent.onlyKnown === true || numberAsId || (pbxId === null && remote === '')) {
      result.notes.push(`${what}: ignored`);
    } else if (kind === 'missed' && remote !== '') {
      // A missed call the PBX reports only afterwards: ring it, then end it unanswered.
      const callId = pbxId ?? this.calls.newId();
      this.calls.add({
        callId,
        pbxId,
        line,
        remote,
        direction: 'incoming',
        dialled: null,
        placedByUrl: false,
      });
      result.events.push({ type: 'offering', callId, line, remote });
      this.finish(this.calls.find(callId, line, remote), cause, result);
    } else {
      this.ends.noteEarly({ pbxId, line, remote, cause });
      result.notes.push(
        `${what}: remembered for ${EARLY_HANGUP_MS / 1000} s, in case its newCall comes after it`,
      );
    }
  }

  /** The open call an intent refers to; an id-less end without a number means the line's call. */
  private find(intent: LineIntent): OpenCall | null {
    const { kind, pbxId, line, remote } = intent;
    if (pbxId === null && remote === '' && (kind === 'hangup' || kind === 'missed'))
      return this.calls.onLine(line);
    return this.calls.find(pbxId, line, remote);
  }

  private finish(call: OpenCall | null, cause: string, result: MatchResult): void {
    if (call === null) return;
    this.calls.remove(call.callId);
    if (!isNumberId(call.pbxId, call.remote))
      this.ends.noteEnded(call.pbxId === null ? [] : [call.pbxId], call.line, call.remote);
    result.events.push({ type: 'ended', callId: call.callId, cause });
  }
}

/**
 * True when the PBX's call id is the caller's number (3CX's template for Zammad's endpoint sends
 * `callId=<caller number>`): such an id names the next call from that number too.
 */
export function isNumberId(pbxId: string | null, remote: string): boolean {
  if (pbxId === null || !/^\+?[\d\s/-]+$/.test(pbxId)) return false;
  const digits = (text: string) => text.replace(/\D/g, '').replace(/^00?/, '');
  const id = digits(pbxId);
  return id.length >= 3 && id === digits(remote);
}

function reference(intent: LineIntent): string {
  if (intent.pbxId !== null) return `call id ${intent.pbxId}`;
  return intent.remote === '' ? `no call id, no number, line ${intent.line}` : `no call id, ${intent.remote}`;
}
