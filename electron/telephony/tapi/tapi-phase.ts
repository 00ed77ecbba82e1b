/**
 * The `tapi` provider's own state machine: where its bridge process is in its life.
 *
 * ```
 *            connect()              hello ok              line opened
 *  stopped ───────────▶ starting ────────────▶ opening ────────────▶ open
 *     ▲                    │                      │                    │
 *     ├◀─── fail: spawn error, exit, garbage, timeout, TAPI error ─────┤
 *     │                    │                      │                    │
 *     └──── exited ◀── stopping ◀────────── disconnect() ─────────────┘
 * ```
 *
 * As a {@link ProviderState}: `starting` and `opening` are connecting, `open` is connected,
 * `stopping` and `stopped` are disconnected (a line being closed takes no more calls).
 *
 * Invariants:
 * - The provider MUST NOT leave `stopped` but by `connect()`: it never restarts the bridge or
 *   reopens the line by itself; the Companion owns the reconnect policy.
 * - Every failure MUST end in `stopped` at once, with the bridge killed and a `disconnected`
 *   state event naming the reason.
 * - `stopping` MUST end in `stopped`, even when the bridge ignores the end of its input (it is
 *   killed after a grace period).
 * - Only `open` accepts `dial()` and `reject()`.
 * - At most one bridge process belongs to the provider; messages from an earlier one MUST be
 *   ignored.
 */
import type { ProviderState } from '../line-provider.js';

/** Where the provider's bridge is. */
export type TapiPhase = 'stopped' | 'starting' | 'opening' | 'open' | 'stopping';

/** What can happen to it. */
export type TapiMove = 'connect' | 'hello' | 'opened' | 'fail' | 'stop' | 'exited';

/** A move the state machine does not allow. */
export class IllegalTapiMoveError extends Error {
  override readonly name = 'IllegalTapiMoveError';

  constructor(
    readonly from: TapiPhase,
    readonly move: TapiMove,
  ) {
    super(`the tapi provider cannot "${move}" while ${from}`);
  }
}

const MOVES: Readonly<Record<TapiPhase, Partial<Record<TapiMove, TapiPhase>>>> = {
  stopped: { connect: 'starting' },
  starting: { hello: 'opening', fail: 'stopped', stop: 'stopping' },
  opening: { opened: 'open', fail: 'stopped', stop: 'stopping' },
  open: { fail: 'stopped', stop: 'stopping' },
  stopping: { exited: 'stopped' },
};

/** The one transition function. @throws IllegalTapiMoveError */
export function nextTapiPhase(from: TapiPhase, move: TapiMove): TapiPhase {
  const to = MOVES[from][move];
  if (to === undefined) throw new IllegalTapiMoveError(from, move);
  return to;
}

/** The provider state the Companion sees for a phase. */
export function providerStateOf(phase: TapiPhase): ProviderState {
  switch (phase) {
    case 'stopped':
    case 'stopping':
      return 'disconnected';
    case 'starting':
    case 'opening':
      return 'connecting';
    case 'open':
      return 'connected';
  }
}
