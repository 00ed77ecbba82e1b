/**
 * What the renderer shows, as a zustand store fed by the bridge: the line, the popups (newest
 * first), the journal (newest first), the dials waiting for the agent's confirmation (oldest
 * first) and a notice for the agent. The reducers are plain functions so they can be tested
 * without a browser.
 */
import { createStore } from 'zustand/vanilla';
import type { CompanionEvent } from '../../electron/contract/channels.js';
import type {
  DialConfirmation,
  JournalRecord,
  LineStatus,
  PopupModel,
  Snapshot,
} from '../../electron/contract/models.js';
import type { ConnectionState } from './bridge/bridge.js';

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export interface ViewState {
  readonly connection: ConnectionState;
  readonly line: LineStatus | null;
  readonly popups: readonly PopupModel[];
  readonly journal: readonly JournalRecord[];
  /** Dials waiting for the agent's yes or no, oldest first. */
  readonly confirmations: readonly DialConfirmation[];
  /** The language the settings choose; null: the browser's or OS's. */
  readonly language: 'en' | 'de' | null;
  readonly notice: Notice | null;
}

export const initialState: ViewState = {
  connection: 'connecting',
  line: null,
  popups: [],
  journal: [],
  confirmations: [],
  language: null,
  notice: null,
};

/** Replaces everything with a snapshot (after connecting or reconnecting). */
export function withSnapshot(state: ViewState, snapshot: Snapshot): ViewState {
  return {
    ...state,
    line: snapshot.line,
    popups: [...snapshot.popups].reverse(),
    journal: snapshot.journal,
    confirmations: snapshot.confirmations,
    language: snapshot.language,
  };
}

/** Applies one Companion event. */
export function withEvent(state: ViewState, event: CompanionEvent): ViewState {
  switch (event.channel) {
    case 'snapshot':
      return withSnapshot(state, event.payload);
    case 'popup': {
      const others = state.popups.filter((popup) => popup.callId !== event.payload.callId);
      const existing = state.popups.findIndex((popup) => popup.callId === event.payload.callId);
      if (existing < 0) return { ...state, popups: [event.payload, ...others] };
      const popups = [...state.popups];
      popups[existing] = event.payload;
      return { ...state, popups };
    }
    case 'popupClosed':
      return { ...state, popups: state.popups.filter((popup) => popup.callId !== event.payload.callId) };
    case 'line':
      return { ...state, line: event.payload };
    case 'journal': {
      const index = state.journal.findIndex((record) => record.id === event.payload.id);
      if (index < 0) return { ...state, journal: [event.payload, ...state.journal] };
      const journal = [...state.journal];
      journal[index] = event.payload;
      return { ...state, journal };
    }
    case 'dialConfirmation': {
      const others = state.confirmations.filter((each) => each.id !== event.payload.id);
      return { ...state, confirmations: [...others, event.payload] };
    }
    case 'dialConfirmationClosed':
      return { ...state, confirmations: state.confirmations.filter((each) => each.id !== event.payload.id) };
  }
}

export type ViewStore = ReturnType<typeof createViewStore>;

/** The store the components read. */
export function createViewStore() {
  return createStore<ViewState>(() => initialState);
}
