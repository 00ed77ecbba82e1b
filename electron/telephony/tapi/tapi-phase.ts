/**
 * The `tapi` provider's phases, as a table for the shared {@link ConnectionMachine}: where its
 * bridge process is in its life.
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
import type { PhaseTable } from '../connection-machine.js';

/** Where the provider's bridge is. */
export type TapiPhase = 'stopped' | 'starting' | 'opening' | 'open' | 'stopping';

/** What can happen to it. */
export type TapiMove = 'connect' | 'hello' | 'opened' | 'fail' | 'stop' | 'exited';

export const TAPI_PHASES: PhaseTable<TapiPhase, TapiMove> = {
  stopped: { shows: 'disconnected', moves: { connect: 'starting' } },
  starting: { shows: 'connecting', moves: { hello: 'opening', fail: 'stopped', stop: 'stopping' } },
  opening: { shows: 'connecting', moves: { opened: 'open', fail: 'stopped', stop: 'stopping' } },
  open: { shows: 'connected', moves: { fail: 'stopped', stop: 'stopping' } },
  // A line being closed takes no more calls.
  stopping: { shows: 'disconnected', moves: { exited: 'stopped' } },
};
