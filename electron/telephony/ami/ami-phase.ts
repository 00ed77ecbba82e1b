/**
 * The AMI provider's phases, finer than the contract's three states, as a table for the shared
 * {@link ConnectionMachine}:
 *
 * ```
 *          connect()            greeting is AMI        login (and filter) ok
 *   idle ────────────▶ opening ─────────────────▶ authenticating ─────────────▶ ready
 *     ▲                   │                             │                          │
 *     └──────── lost: failure, socket closed, no Pong, disconnect() ───────────────┘
 * ```
 * `idle` shows as `disconnected`, `opening` and `authenticating` as `connecting`, `ready` as
 * `connected`.
 *
 * Invariants:
 * - A socket MUST only be opened on `connect` from `idle`: the provider never reconnects by
 *   itself; after `lost` it waits in `idle` for the Companion to call `connect()` again.
 * - Every `lost` MUST be reported once, as `disconnected` with its reason (the machine emits it).
 * - Call events MUST only be reported in `ready`.
 */
import type { PhaseTable } from '../connection-machine.js';

/** Where the connection is (see the diagram above). */
export type AmiPhase = 'idle' | 'opening' | 'authenticating' | 'ready';

/** What moves it: `connect()`, an AMI greeting, a successful login, or any loss. */
export type AmiMove = 'connect' | 'greeted' | 'authenticated' | 'lost';

export const AMI_PHASES: PhaseTable<AmiPhase, AmiMove> = {
  idle: { shows: 'disconnected', moves: { connect: 'opening' } },
  opening: { shows: 'connecting', moves: { greeted: 'authenticating', lost: 'idle' } },
  authenticating: { shows: 'connecting', moves: { authenticated: 'ready', lost: 'idle' } },
  ready: { shows: 'connected', moves: { lost: 'idle' } },
};
