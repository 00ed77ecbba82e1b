/**
 * The AMI provider's phases, finer than the contract's three states, as a table for the shared
 * {@link ConnectionMachine}:
 *
 * ```
 *          connect()          greeting is AMI       login (and filter) ok             line found
 *   idle ──────────▶ opening ───────────────▶ authenticating ──────────────▶ finding ──────────▶ ready
 *     ▲                 │                           │                          │                 │
 *     └──── lost: failure, socket closed, no Pong, line not found or ambiguous, disconnect() ───┘
 * ```
 * `idle` shows as `disconnected`, `opening`, `authenticating` and `finding` as `connecting`,
 * `ready` as `connected`. In `finding` the provider lists Asterisk's extensions and finds the
 * device behind the configured `line` (see `ami-line-target.ts`).
 *
 * Invariants:
 * - A socket MUST only be opened on `connect` from `idle`: the provider never reconnects by
 *   itself; after `lost` it waits in `idle` for the Companion to call `connect()` again.
 * - Every `lost` MUST be reported once, as `disconnected` with its reason (the machine emits it).
 * - Call events MUST only be reported in `ready`, and only once the line's device is known:
 *   events that arrive while `finding` are held and read in `ready`.
 */
import type { PhaseTable } from '../connection-machine.js';

/** Where the connection is (see the diagram above). */
export type AmiPhase = 'idle' | 'opening' | 'authenticating' | 'finding' | 'ready';

/** What moves it: `connect()`, an AMI greeting, a successful login, the line found, or any loss. */
export type AmiMove = 'connect' | 'greeted' | 'authenticated' | 'found' | 'lost';

export const AMI_PHASES: PhaseTable<AmiPhase, AmiMove> = {
  idle: { shows: 'disconnected', moves: { connect: 'opening' } },
  opening: { shows: 'connecting', moves: { greeted: 'authenticating', lost: 'idle' } },
  authenticating: { shows: 'connecting', moves: { authenticated: 'finding', lost: 'idle' } },
  finding: { shows: 'connecting', moves: { found: 'ready', lost: 'idle' } },
  ready: { shows: 'connected', moves: { lost: 'idle' } },
};
