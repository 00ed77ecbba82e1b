/**
 * The one connection state machine every provider uses. A provider describes its own phases in
 * a {@link PhaseTable} (AMI: idle → opening → authenticating → ready; TAPI: its bridge's life;
 * the listener and the simulator: the contract's three states), each phase saying which contract
 * state it shows as and which moves it allows. {@link ConnectionMachine.move} is the only way to
 * change phase: it checks the edge, updates the phase and emits the contract state when that
 * changes, all in one place, so a provider cannot move without telling the Companion, nor tell
 * it of a move it did not make.
 *
 * The contract's states, as every provider shows them:
 * ```
 *  disconnected ──connect──▶ connecting ──ready──▶ connected
 *        ▲                       │                     │
 *        └──────── fail ─────────┘◀──── lost / stop ───┘
 * ```
 *
 * Invariants (for every table):
 * - A provider MUST change phase only through `move`; an edge its table lacks is a bug and
 *   throws {@link IllegalMoveError}, never a network condition.
 * - A provider MUST NOT leave its disconnected phase but by `connect()` from the Companion: no
 *   table has an edge out of it other than the one `connect()` takes.
 * - Every change of the contract state MUST be emitted exactly once, with the reason given to
 *   the move that caused it (a `disconnected` carries why).
 */
import type { LineEvent, ProviderState } from './line-provider.js';

/** One phase of a provider's connection: how it shows, and where each allowed move leads. */
export interface PhaseRow<P extends string, M extends string> {
  readonly shows: ProviderState;
  readonly moves: Readonly<Partial<Record<M, P>>>;
}

/** A provider's phases (P) and moves (M). */
export type PhaseTable<P extends string, M extends string> = Readonly<Record<P, PhaseRow<P, M>>>;

/** A move the provider's table does not allow from where it is (a bug, never a network condition). */
export class IllegalMoveError extends Error {
  override readonly name = 'IllegalMoveError';

  constructor(
    readonly provider: string,
    readonly from: string,
    readonly move: string,
  ) {
    super(`the ${provider} line cannot "${move}" while ${from}`);
  }
}

type StateEvent = Extract<LineEvent, { type: 'state' }>;

export class ConnectionMachine<P extends string, M extends string> {
  private current: P;

  constructor(
    /** The provider's kind, for error messages. */
    private readonly provider: string,
    private readonly table: PhaseTable<P, M>,
    initial: P,
    /** Receives each change of the contract state. */
    private readonly emit: (event: StateEvent) => void,
  ) {
    this.current = initial;
  }

  /** The provider's own phase. */
  get phase(): P {
    return this.current;
  }

  /** The contract state the phase shows as. */
  get state(): ProviderState {
    return this.table[this.current].shows;
  }

  /** Whether `move` is allowed from here. */
  can(move: M): boolean {
    return this.table[this.current].moves[move] !== undefined;
  }

  /**
   * The one transition: checks the edge, updates the phase, and emits the contract state if it
   * changed (with `reason`). Returns the new phase. @throws IllegalMoveError
   */
  move(move: M, reason?: string): P {
    const next = this.table[this.current].moves[move];
    if (next === undefined) throw new IllegalMoveError(this.provider, this.current, move);
    const before = this.state;
    this.current = next;
    const state = this.state;
    if (state !== before)
      this.emit(reason === undefined ? { type: 'state', state } : { type: 'state', state, reason });
    return next;
  }
}

/** Moves of the providers whose phases are the contract's own states. */
export type SimpleMove = 'connect' | 'ready' | 'fail' | 'lost' | 'stop';

/**
 * The table of a provider with no finer phases (the action-url listener, the simulator): the
 * contract's three states. `stop` is allowed everywhere (stopping a stopped line is nothing).
 */
export const SIMPLE_PHASES: PhaseTable<ProviderState, SimpleMove> = {
  disconnected: { shows: 'disconnected', moves: { connect: 'connecting', stop: 'disconnected' } },
  connecting: {
    shows: 'connecting',
    moves: { ready: 'connected', fail: 'disconnected', stop: 'disconnected' },
  },
  connected: { shows: 'connected', moves: { lost: 'disconnected', stop: 'disconnected' } },
};
