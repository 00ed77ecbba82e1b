/**
 * The `simulator` line: calls come from the CLI (`ringdesk sim ...`) or the host's control API
 * instead of a PBX. It runs everywhere, which makes it what demos and tests use, and it records
 * every call it was asked to dial (number and dialable string) so tests can check them.
 *
 * It keeps the same discipline as a real provider: calls move through {@link CallSession}, an
 * illegal move (answering a call that ended) is refused with a clear error, and nothing happens
 * while disconnected.
 */
import { CallSession, CallState, isFinished, type CallSnapshot } from './call-session.js';
import { ConnectionMachine, SIMPLE_PHASES, type SimpleMove } from './connection-machine.js';
import type { Capability, LineEvent, LineListener, LineProvider, ProviderState } from './line-provider.js';
import type { RecordedEvent } from './line-recorder.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A call the simulator was asked to place. */
export interface DialledCall {
  readonly callId: string;
  readonly line: string;
  readonly number: string;
  readonly dialable: string;
  readonly at: number;
}

/** A request the simulator cannot carry out (unknown call, illegal move, disconnected). */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
}

export interface SimulatorOptions {
  readonly line: string;
  readonly now?: () => number;
}

export class SimulatorProvider implements LineProvider {
  readonly kind = 'simulator';
  readonly line: string;
  readonly capabilities: ReadonlySet<Capability> = new Set(['watch', 'dial', 'reject', 'answer', 'hangup']);
  private readonly machine = new ConnectionMachine<ProviderState, SimpleMove>(
    'simulator',
    SIMPLE_PHASES,
    'disconnected',
    (event) => this.emit(event),
  );
  private readonly listeners = new Set<LineListener>();
  private readonly calls = new Map<string, CallSession>();
  private readonly dialledCalls: DialledCall[] = [];
  private nextId = 1;
  private replays = 1;
  private readonly now: () => number;

  constructor(options: SimulatorOptions) {
    this.line = options.line;
    this.now = options.now ?? Date.now;
  }

  get state(): ProviderState {
    return this.machine.state;
  }

  /** Connects at once (there is no PBX to reach); connecting twice is harmless. */
  connect(): Promise<void> {
    if (this.machine.state === 'disconnected') {
      this.machine.move('connect');
      this.machine.move('ready');
    }
    return Promise.resolve();
  }

  /**
   * The simulated PBX's lines: desk phones 10 to 13 and the configured line, so the wizard's
   * "pick your line" step can be tried without a PBX.
   */
  listLines(): Promise<readonly { readonly id: string; readonly name: string }[]> {
    const ids = [...new Set(['10', '11', '12', '13', this.line])];
    return Promise.resolve(ids.map((id) => ({ id, name: `Simulated desk phone ${id}` })));
  }

  disconnect(): Promise<void> {
    this.machine.move('stop', 'stopped');
    return Promise.resolve();
  }

  dial(number: string, dialable: string): Promise<{ callId: string }> {
    try {
      this.requireConnected();
      const callId = this.newCallId();
      this.calls.set(callId, new CallSession(this.start(callId, 'outgoing', number, dialable)));
      this.dialledCalls.push({ callId, line: this.line, number, dialable, at: this.now() });
      this.emit({ type: 'dialing', callId, line: this.line, remote: number, dialled: dialable });
      return Promise.resolve({ callId });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  onEvent(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Simulates a call from `from` to `to` (default: the agent's line). Returns its call id. */
  incoming(from: string, to: string = this.line): string {
    this.requireConnected();
    if (from.trim() === '') throw new SimulatorError('an incoming call needs a caller number');
    const callId = this.newCallId();
    this.calls.set(callId, new CallSession(this.start(callId, 'incoming', from, null, to)));
    this.emit({ type: 'offering', callId, line: to, remote: from });
    return callId;
  }

  /** The other side (or the agent) picks up. */
  answer(callId: string): CallSnapshot {
    const snapshot = this.move(callId, 'answer');
    this.emit({ type: 'connected', callId });
    return snapshot;
  }

  /** Either side hangs up. */
  hangup(callId: string, cause = 'normalClearing'): CallSnapshot {
    const snapshot = this.move(callId, 'hangup', cause);
    this.emit({ type: 'ended', callId, cause });
    return snapshot;
  }

  /** Refuses a ringing call, as a PBX answers busy. */
  reject(callId: string): Promise<void> {
    try {
      const session = this.calls.get(callId);
      if (session?.snapshot.state !== CallState.Ringing)
        throw new SimulatorError(`call ${callId.slice(0, 40)} is not ringing`);
      this.hangup(callId, 'rejected');
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * Replays recorded line events (see line-recorder.ts): call events are emitted again with
   * their original spacing divided by `speed` (0: all at once), under fresh call ids so they
   * never collide with live calls. Connection-state events are not replayed. Resolves with the
   * new call ids once every event is out.
   */
  async replay(
    events: readonly RecordedEvent[],
    speed = 1,
    wait: (ms: number) => Promise<void> = sleep,
  ): Promise<string[]> {
    this.requireConnected();
    const ids = new Map<string, string>();
    const run = this.replays++;
    let elapsed = 0;
    for (const { t, event } of events) {
      if (event.type === 'state') {
        elapsed = Math.max(elapsed, t);
        continue;
      }
      if (speed > 0 && t > elapsed) await wait((t - elapsed) / speed);
      elapsed = Math.max(elapsed, t);
      let callId = ids.get(event.callId);
      if (callId === undefined) {
        callId = `replay-${run}-${ids.size + 1}`;
        ids.set(event.callId, callId);
      }
      this.emit({ ...event, callId });
    }
    return [...ids.values()];
  }

  /** Every call the simulator was asked to dial, oldest first. */
  dialled(): readonly DialledCall[] {
    return this.dialledCalls;
  }

  /** The calls the simulator knows, oldest first. */
  snapshots(): CallSnapshot[] {
    return [...this.calls.values()].map((session) => session.snapshot);
  }

  private move(callId: string, event: 'answer' | 'hangup', cause: string | null = null): CallSnapshot {
    this.requireConnected();
    const session = this.calls.get(callId);
    if (session === undefined) throw new SimulatorError(`no call "${callId.slice(0, 40)}" on the simulator`);
    if (isFinished(session.snapshot.state)) {
      throw new SimulatorError(`call ${callId} is over (${session.snapshot.state})`);
    }
    return session.apply(event, this.now(), cause);
  }

  private start(
    callId: string,
    direction: 'incoming' | 'outgoing',
    remote: string,
    dialled: string | null,
    line = this.line,
  ) {
    return { callId, direction, line, remote, dialled, startedAt: this.now() };
  }

  private newCallId(): string {
    return `sim-${this.nextId++}`;
  }

  private requireConnected(): void {
    if (this.machine.state !== 'connected') throw new SimulatorError('the simulated line is not connected');
  }

  private emit(event: LineEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
