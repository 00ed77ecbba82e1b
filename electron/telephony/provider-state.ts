/**
 * The connection state machine every provider shares:
 *
 * ```
 *  disconnected ──connect──▶ connecting ──ready──▶ connected
 *        ▲                       │                     │
 *        └──────── fail ─────────┘◀──── drop / stop ───┘
 * ```
 *
 * A provider MUST move only through {@link nextProviderState}; a `drop` (the PBX went away) is
 * reported and never followed by a `connect` of the provider's own: the Companion decides when
 * to try again.
 */
import type { ProviderState } from './line-provider.js';

export type ProviderTransition = 'connect' | 'ready' | 'fail' | 'drop' | 'stop';

/** A move the connection state machine does not allow. */
export class IllegalProviderTransitionError extends Error {
  override readonly name = 'IllegalProviderTransitionError';
}

/** The one transition function. @throws IllegalProviderTransitionError */
export function nextProviderState(from: ProviderState, event: ProviderTransition): ProviderState {
  if (from === 'disconnected' && event === 'connect') return 'connecting';
  if (from === 'connecting' && event === 'ready') return 'connected';
  if (from === 'connecting' && (event === 'fail' || event === 'stop')) return 'disconnected';
  if (from === 'connected' && (event === 'drop' || event === 'stop')) return 'disconnected';
  if (event === 'stop') return 'disconnected';
  throw new IllegalProviderTransitionError(`a ${from} provider cannot ${event}`);
}
