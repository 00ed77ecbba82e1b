/**
 * The agent's calls as the AMI mapper holds them, with the three ways events find them: by call
 * id, by the call's root (`Linkedid`) and by an anchor (one of the agent's legs, or an
 * Originate's first channel). It also owns the rule of what is said when:
 *
 * ```
 *  announced ──connect()──▶ connected ──end()──▶ ended (forgotten)
 *      └──────────────────end()─────────────────▶ ended (forgotten)
 * ```
 *
 * Invariants:
 * - Each call is announced once, `connected` at most once, `ended` at most once, in that
 *   order; nothing is said about a call that is not announced (an Originate Asterisk has not
 *   accepted yet); {@link AmiCallBook.announce} catches such a call up.
 * - An ended call is in no index; its id is remembered (the last 1024) so that a root seen
 *   again gets a fresh id (`root/2`) instead of reusing a finished call's.
 * - At most `capacity` calls are held.
 */
import type { CallOutcome, LineEvent, Presentation } from '../line-provider.js';
import { newAmiCall, partyFields, type AmiCall, type CallKind } from './ami-call.js';

export type { AmiCall, CallKind };

const FINISHED_MEMORY = 1024;

/** A request about a call that the call's state does not allow. */
export class AmiCallError extends Error {
  override readonly name = 'AmiCallError';
}

/** The calls held by the mapper; see the file comment for what it says when. */
export class AmiCallBook {
  private readonly byId = new Map<string, AmiCall>();
  private readonly byRoot = new Map<string, AmiCall>();
  private readonly byAnchor = new Map<string, AmiCall>();
  private readonly finished = new Set<string>();

  constructor(
    private readonly line: string,
    private readonly emit: (event: LineEvent) => void,
    private readonly capacity = 64,
  ) {}

  /** How many calls are held. */
  get size(): number {
    return this.byId.size;
  }

  get(callId: string): AmiCall | undefined {
    return this.byId.get(callId);
  }

  ofAnchor(uniqueid: string): AmiCall | undefined {
    return this.byAnchor.get(uniqueid);
  }

  ofRoot(root: string): AmiCall | undefined {
    return this.byRoot.get(root);
  }

  /** Calls held, oldest first. */
  all(): IterableIterator<AmiCall> {
    return this.byId.values();
  }

  /**
   * Adds a call for `root` (its id: the root, or `root/2`... when taken), silent until
   * {@link announce}. Returns null when `capacity` calls are held.
   */
  add(
    kind: CallKind,
    root: string,
    remote: string,
    dialled: string,
    party: { presentation?: Presentation; name?: string | undefined } = {},
  ): AmiCall | null {
    if (this.byId.size >= this.capacity) return null;
    let id = root;
    for (let n = 2; this.byId.has(id) || this.finished.has(id); n++) id = `${root}/${n}`;
    const call = newAmiCall(id, kind, remote, dialled, party);
    this.byId.set(id, call);
    this.addRoot(call, root);
    return call;
  }

  /**
   * The channel names of the agent's ringing legs of incoming call `callId`, to refuse them.
   * @throws AmiCallError when there is no such call or it is not ringing.
   */
  ringingLegs(callId: string): string[] {
    const call = this.byId.get(callId);
    if (call === undefined || call.ended || !call.announced)
      throw new AmiCallError(`no call "${callId.slice(0, 60)}" on line ${this.line}`);
    if (call.kind !== 'incoming') throw new AmiCallError(`call ${callId} is not an incoming call`);
    if (call.connected) throw new AmiCallError(`call ${callId} is already answered`);
    return [...call.anchors.values()].filter((name) => name !== '');
  }

  /** Makes `uniqueid` (named `name`, in call `root`) one of the call's anchors. */
  attach(call: AmiCall, uniqueid: string, name: string, root: string): void {
    call.awaitingChannel = false;
    call.anchors.set(uniqueid, name);
    this.byAnchor.set(uniqueid, call);
    this.addRoot(call, root);
  }

  /** `uniqueid` hung up; returns true when it was the call's last anchor. */
  detach(call: AmiCall, uniqueid: string): boolean {
    call.anchors.delete(uniqueid);
    this.byAnchor.delete(uniqueid);
    return call.anchors.size === 0;
  }

  /** Says the call exists (`offering` or `dialing`), then anything that already happened. */
  announce(call: AmiCall): void {
    if (call.announced) return;
    call.announced = true;
    const { callId, remote, dialled } = call;
    const line = this.line;
    const party = partyFields(call);
    this.emit(
      call.kind === 'incoming'
        ? {
            type: 'offering',
            callId,
            line,
            remote,
            ...party,
            ...(call.queue === undefined ? {} : { queue: call.queue }),
          }
        : { type: 'dialing', callId, line, remote, dialled, ...party },
    );
    if (call.connected) this.emit({ type: 'connected', callId });
    if (call.ended) {
      this.emitEnded(call);
      this.byId.delete(callId);
    }
  }

  connect(call: AmiCall): void {
    if (call.connected || call.ended) return;
    call.connected = true;
    if (call.announced) this.emit({ type: 'connected', callId: call.callId });
  }

  /**
   * The remote party changed (a late caller ID, a transfer): reported as `updated` when the call
   * is announced and the party differs; a call not announced yet starts with the new party.
   */
  update(
    call: AmiCall,
    party: { remote: string; presentation: Presentation; name: string | undefined },
  ): boolean {
    if (call.ended) return false;
    if (call.remote === party.remote && call.presentation === party.presentation && call.name === party.name)
      return false;
    call.remote = party.remote;
    call.presentation = party.presentation;
    call.name = party.name;
    if (call.announced)
      this.emit({ type: 'updated', callId: call.callId, remote: call.remote, ...partyFields(call) });
    return true;
  }

  end(call: AmiCall, cause: string | undefined, outcome?: CallOutcome): void {
    if (call.ended) return;
    call.ended = true;
    call.cause = cause;
    call.outcome = outcome;
    this.unindex(call);
    this.finished.add(call.callId);
    if (this.finished.size > FINISHED_MEMORY) {
      for (const oldest of this.finished) {
        this.finished.delete(oldest);
        break;
      }
    }
    if (!call.announced) return; // held silent: announce() says it all, or drop() forgets it.
    this.emitEnded(call);
    this.byId.delete(call.callId);
  }

  /**
   * A call of the agent's queue that never rang here (the caller gave up waiting): reported only
   * to be journaled (`ringsHere: false`), ended at once with its outcome. Its id is the caller's
   * channel, kept as finished so a call of the same root later gets a fresh id.
   */
  journalOnly(
    root: string,
    party: { remote: string; presentation: Presentation; name: string | undefined },
    queue: string,
    outcome: CallOutcome,
  ): void {
    const call = this.add('incoming', root, party.remote, '', party);
    if (call === null) return;
    call.queue = queue;
    call.ended = true;
    call.outcome = outcome;
    this.unindex(call);
    this.finished.add(call.callId);
    const { callId, remote } = call;
    this.emit({
      type: 'offering',
      callId,
      line: this.line,
      remote,
      ...partyFields(call),
      queue,
      ringsHere: false,
    });
    this.emit({ type: 'ended', callId, outcome });
    this.byId.delete(callId);
  }

  /** Forgets a call that was never announced, silently. */
  drop(call: AmiCall): void {
    if (call.announced) return;
    this.unindex(call);
    this.byId.delete(call.callId);
  }

  /** Forgets every call, silently (the connection is gone). */
  clear(): void {
    this.byId.clear();
    this.byRoot.clear();
    this.byAnchor.clear();
  }

  private addRoot(call: AmiCall, root: string): void {
    if (this.byRoot.has(root)) return;
    call.roots.add(root);
    this.byRoot.set(root, call);
  }

  private unindex(call: AmiCall): void {
    for (const uniqueid of call.anchors.keys()) this.byAnchor.delete(uniqueid);
    for (const root of call.roots) if (this.byRoot.get(root) === call) this.byRoot.delete(root);
  }

  private emitEnded(call: AmiCall): void {
    const { callId, cause, outcome } = call;
    this.emit({
      type: 'ended',
      callId,
      ...(cause === undefined ? {} : { cause }),
      ...(outcome === undefined ? {} : { outcome }),
    });
  }
}
