/**
 * The running Companion, replaceable: when the agent saves new settings (a new line, another
 * directory), the old Companion is stopped (its journal flushed) and a new one is built and
 * started; faces keep one runtime and see the switch as a `snapshot` event.
 */
import type { CompanionEvent } from '../contract/channels.js';
import type { Snapshot } from '../contract/models.js';
import type { Settings } from './settings/load-settings.js';
import type { LineProvider } from '../telephony/line-provider.js';
import type { Companion } from './companion.js';
import type { CompanionParts } from './create-companion.js';

/** Neither the new settings nor the previous ones could start: no line is watched now. */
export class CompanionDownError extends Error {
  override readonly name = 'CompanionDownError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A Companion event, or the whole picture after the Companion was replaced. */
export type RuntimeEvent = CompanionEvent | { readonly channel: 'snapshot'; readonly payload: Snapshot };

/** What faces need of a runtime: the current Companion and line, and every event. */
export interface RuntimeView {
  readonly companion: Companion;
  readonly provider: LineProvider;
  onEvent(listener: (event: RuntimeEvent) => void): () => void;
}

/** A runtime that never changes its Companion (tests, one-shot tools). */
export function fixedRuntime(companion: Companion, provider: LineProvider): RuntimeView {
  return { companion, provider, onEvent: (listener) => companion.onEvent(listener) };
}

export class CompanionRuntime implements RuntimeView {
  private readonly listeners = new Set<(event: RuntimeEvent) => void>();
  private unsubscribe: () => void = () => undefined;
  private switching: Promise<void> = Promise.resolve();

  private constructor(
    private current: CompanionParts,
    private settings: Settings,
    private readonly build: (settings: Settings) => Promise<CompanionParts>,
  ) {
    this.follow();
  }

  /** Builds and starts the first Companion. */
  static async start(
    settings: Settings,
    build: (settings: Settings) => Promise<CompanionParts>,
  ): Promise<CompanionRuntime> {
    const parts = await build(settings);
    await parts.companion.start();
    return new CompanionRuntime(parts, settings, build);
  }

  get parts(): CompanionParts {
    return this.current;
  }

  get companion(): Companion {
    return this.current.companion;
  }

  get provider(): LineProvider {
    return this.current.provider;
  }

  onEvent(listener: (event: RuntimeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops the current Companion and starts one for `settings`. When the new one cannot be built
   * or started, the previous settings are started again (the agent keeps a working line) and the
   * error is thrown.
   */
  replace(settings: Settings): Promise<void> {
    const next = this.switching.then(async () => {
      this.unsubscribe();
      await this.current.companion.stop();
      try {
        await this.startWith(settings);
      } catch (error) {
        try {
          await this.startWith(this.settings);
        } catch (again) {
          throw new CompanionDownError(
            `${messageOf(error)}; the previous settings did not start again: ${messageOf(again)}`,
          );
        }
        throw error;
      }
    });
    this.switching = next.catch(() => undefined);
    return next;
  }

  /**
   * Stops the Companion (its journal flushed) and starts a fresh one on the same settings: what
   * the faces do after an error escaped every handler, so no half-broken state lives on.
   */
  restart(): Promise<void> {
    return this.replace(this.settings);
  }

  async stop(): Promise<void> {
    await this.switching;
    this.unsubscribe();
    await this.current.companion.stop();
  }

  private async startWith(settings: Settings): Promise<void> {
    const parts = await this.build(settings);
    try {
      await parts.companion.start();
    } catch (error) {
      await parts.companion.stop().catch(() => undefined);
      throw error;
    }
    this.current = parts;
    this.settings = settings;
    this.follow();
    this.emit({ channel: 'snapshot', payload: parts.companion.snapshot() });
  }

  private follow(): void {
    this.unsubscribe = this.current.companion.onEvent((event) => {
      this.emit(event);
    });
  }

  private emit(event: RuntimeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
