/**
 * The AMI provider's own connection state machine, finer than the contract's three states:
 *
 * ```
 *          connect()            greeting is AMI        login (and filter) ok
 *   idle ────────────▶ opening ─────────────────▶ authenticating ─────────────▶ ready
 *     ▲                   │                             │                          │
 *     └──────── lost: failure, socket closed, no Pong, disconnect() ───────────────┘
 * ```
 * `idle` is the contract's `disconnected`, `opening` and `authenticating` are `connecting`,
 * `ready` is `connected`.
 *
 * Invariants:
 * - A socket MUST only be opened on `connect` from `idle`: the provider never reconnects by
 *   itself; after `lost` it waits in `idle` for the Companion to call `connect()` again.
 * - Every `lost` MUST be reported once, as `disconnected` with its reason.
 * - Call events MUST only be reported in `ready`.
 */
import type { ProviderState } from '../line-provider.js';

/** Where the connection is (see the diagram above). */
export type AmiPhase = 'idle' | 'opening' | 'authenticating' | 'ready';

/** What moves it: `connect()`, an AMI greeting, a successful login, or any loss. */
export type AmiPhaseEvent = 'connect' | 'greeted' | 'authenticated' | 'lost';

/** A move the connection state machine does not allow (a bug, never a network condition). */
export class IllegalAmiPhaseError extends Error {
  override readonly name = 'IllegalAmiPhaseError';

  constructor(
    readonly from: AmiPhase,
    readonly event: AmiPhaseEvent,
  ) {
    super(`the AMI connection cannot take "${event}" while ${from}`);
  }
}

/** The one transition function. @throws IllegalAmiPhaseError */
export function nextAmiPhase(from: AmiPhase, event: AmiPhaseEvent): AmiPhase {
  if (event === 'lost' && from !== 'idle') return 'idle';
  if (from === 'idle' && event === 'connect') return 'opening';
  if (from === 'opening' && event === 'greeted') return 'authenticating';
  if (from === 'authenticating' && event === 'authenticated') return 'ready';
  throw new IllegalAmiPhaseError(from, event);
}

/** The contract's state for a phase. */
export function providerStateOf(phase: AmiPhase): ProviderState {
  if (phase === 'idle') return 'disconnected';
  return phase === 'ready' ? 'connected' : 'connecting';
}
