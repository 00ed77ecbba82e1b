/** The bridge and the store, handed to every component. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RendererBridge } from './bridge/bridge.js';
import { errorText } from './error-text.js';
import type { Translator } from './i18n/i18n.js';
import type { ViewState, ViewStore } from './state.js';

export interface AppServices {
  readonly bridge: RendererBridge;
  readonly store: ViewStore;
  readonly i18n: Translator;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('AppContext is missing');
  return services;
}

/** Reads a slice of the view state, re-rendering when it changes. */
export function useView<T>(select: (state: ViewState) => T): T {
  return useStore(useServices().store, select);
}

/**
 * Runs a command and shows its failure as a notice instead of throwing, in the UI's language
 * where the error has a known code (error-text.ts).
 */
export function useRun(): (work: () => Promise<unknown>, success?: string) => void {
  const { store, i18n } = useServices();
  return (work, success) => {
    work().then(
      () => {
        if (success !== undefined) store.setState({ notice: { kind: 'info', text: success } });
      },
      (error: unknown) => {
        store.setState({
          notice: { kind: 'error', text: errorText(error, i18n) },
        });
      },
    );
  };
}

/** The UI's translator (`t`) and formatters. */
export function useI18n(): Translator {
  return useServices().i18n;
}
