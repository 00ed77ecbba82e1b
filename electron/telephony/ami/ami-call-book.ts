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
import type { LineEvent } from '../line-provider.js';

/** How a call began: dialled to the agent, dialled by the agent's phone, or Ringdesk's Originate. */
export type CallKind = 'incoming' | 'outgoing' | 'originate';

/** One call. */
export interface AmiCall {
  readonly callId: string;
  readonly kind: CallKind;
  readonly remote: string;
  readonly dialled: string;
  /** The agent's legs (and an Originate's first channel): uniqueid → channel name. */
  readonly anchors: Map<string, string>;
  readonly roots: Set<string>;
  announced: boolean;
  connected: boolean;
  ended: boolean;
  cause: string | undefined;
  /** The status of the last failed dial, as a cause (`noAnswer`). */
  dialCause: string | null;
  /** An Originate whose first channel has not been seen yet. */
  awaitingChannel: boolean;
}

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
  add(kind: CallKind, root: string, remote: string, dialled: string): AmiCall | null {
    if (this.byId.size >= this.capacity) return null;
    let id = root;
    for (let n = 2; this.byId.has(id) || this.finished.has(id); n++) id = `${root}/${n}`;
    const call: AmiCall = {
      callId: id,
      kind,
      remote,
      dialled,
      anchors: new Map(),
      roots: new Set(),
      announced: false,
      connected: false,
      ended: false,
      cause: undefined,
      dialCause: null,
      awaitingChannel: kind === 'originate',
    };
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
    this.emit(
      call.kind === 'incoming'
        ? { type: 'offering', callId, line, remote }
        : { type: 'dialing', callId, line, remote, dialled },
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

  end(call: AmiCall, cause: string | undefined): void {
    if (call.ended) return;
    call.ended = true;
    call.cause = cause;
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
    const { callId, cause } = call;
    this.emit(cause === undefined ? { type: 'ended', callId } : { type: 'ended', callId, cause });
  }
}
