/**
 * The one process-level policy for errors that escaped every handler (an uncaught exception, an
 * unhandled rejection), installed by both faces: log it with its context, flush the journal and
 * restart the runtime cleanly, and tell the agent in plain words. Never a silent exit, never a
 * half-broken process: when the restart itself fails, or errors keep coming, the face is told to
 * stop (after the journal was flushed) and says why.
 *
 * ```
 *  watching ──escape──▶ restarting ──ok──▶ watching
 *                            │   └─escape─▶ (logged; the restart under way covers it)
 *                            └──fails / too many──▶ stopping (onFatal)
 * ```
 */
import { popupLanguage, type POPUP_TEXT } from '../popup/popup-text.js';

/** What the policy needs of the process: Node's `process`, or a fake. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** What the agent is told (words from {@link RECOVERY_TEXT}). */
export interface RecoveryNotice {
  readonly kind: 'restarted' | 'stopping';
  readonly title: string;
  readonly body: string;
}

export interface CrashPolicyDeps {
  readonly process: ProcessEvents;
  /** Restarts the runtime: stops the Companion (flushing the journal) and starts a fresh one. */
  readonly restart: () => Promise<void>;
  /** Stops the runtime (flushing the journal) before the face stops. */
  readonly stop: () => Promise<void>;
  /** The face's log (standard error). */
  readonly log: (message: string) => void;
  /** Shows the agent a notice (the Electron face: a notification); optional for the host. */
  readonly tell?: (notice: RecoveryNotice) => void;
  /** The face must stop now; called once, after the journal was flushed. */
  readonly onFatal: (reason: string) => void;
  /** The UI language (`de-DE`, `en`), for the notice. */
  readonly locale: () => string;
  readonly now: () => number;
  /** More restarts than this within `windowMs`, and the face stops instead (default 3 in 60 s). */
  readonly maxRestarts?: number;
  readonly windowMs?: number;
}

/** The agent's words for a recovery, in English and German. */
export const RECOVERY_TEXT = {
  en: {
    restartedTitle: 'Ringdesk restarted its line',
    restarted:
      'Something went wrong inside Ringdesk. It saved the call log and started the line again. Calls that were ringing may show again.',
    stoppingTitle: 'Ringdesk has to stop',
    stopping:
      'Something keeps going wrong inside Ringdesk. The call log is saved. Please start Ringdesk again, and tell your administrator if this happens again.',
  },
  de: {
    restartedTitle: 'Ringdesk hat die Leitung neu gestartet',
    restarted:
      'In Ringdesk ist etwas schiefgegangen. Die Anrufliste ist gespeichert, und die Leitung wurde neu gestartet. Klingelnde Anrufe erscheinen eventuell noch einmal.',
    stoppingTitle: 'Ringdesk muss beendet werden',
    stopping:
      'In Ringdesk geht wiederholt etwas schief. Die Anrufliste ist gespeichert. Bitte starten Sie Ringdesk neu und sagen Sie Ihrem Administrator Bescheid, wenn es wieder passiert.',
  },
} as const satisfies Record<keyof typeof POPUP_TEXT, Record<string, string>>;

/** Installs the policy; returns the function that removes it. */
export function installCrashPolicy(deps: CrashPolicyDeps): () => void {
  const maxRestarts = deps.maxRestarts ?? 3;
  const windowMs = deps.windowMs ?? 60_000;
  const restarts: number[] = [];
  let state: 'watching' | 'restarting' | 'stopping' = 'watching';

  const notice = (kind: RecoveryNotice['kind']): RecoveryNotice => {
    const text = RECOVERY_TEXT[popupLanguage(deps.locale())];
    return kind === 'restarted'
      ? { kind, title: text.restartedTitle, body: text.restarted }
      : { kind, title: text.stoppingTitle, body: text.stopping };
  };
  const stopWith = async (reason: string) => {
    state = 'stopping';
    deps.log(`ringdesk: stopping: ${reason}`);
    deps.tell?.(notice('stopping'));
    await deps
      .stop()
      .catch((error: unknown) => deps.log(`ringdesk: stopping the line failed: ${describe(error)}`));
    deps.onFatal(reason);
  };
  const escaped = (origin: string, error: unknown) => {
    deps.log(`ringdesk: unexpected error (${origin}, while ${state}): ${describe(error)}`);
    if (state !== 'watching') return;
    const time = deps.now();
    while (restarts.length > 0 && time - (restarts[0] as number) > windowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      void stopWith(`${restarts.length + 1} unexpected errors within ${Math.round(windowMs / 1000)} s`);
      return;
    }
    restarts.push(time);
    state = 'restarting';
    deps.restart().then(
      () => {
        state = 'watching';
        deps.log('ringdesk: the journal was flushed and the line restarted after the unexpected error');
        deps.tell?.(notice('restarted'));
      },
      (again: unknown) => void stopWith(`the line could not be restarted: ${describe(again)}`),
    );
  };
  const onException = (error: Error) => escaped('uncaught exception', error);
  const onRejection = (reason: unknown) => escaped('unhandled rejection', reason);
  deps.process.on('uncaughtException', onException);
  deps.process.on('unhandledRejection', onRejection);
  return () => {
    deps.process.off('uncaughtException', onException);
    deps.process.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
