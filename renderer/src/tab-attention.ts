/**
 * The browser tab as a signal (the headless host's page; the desktop app has its tray): the
 * document title and favicon follow the line and the calls, and a ringing call raises a Web
 * Notification while the page is hidden, once the agent allowed it (asked from a button, never
 * on load). `tabSignal` is a plain function; `watchTab` applies it to the document.
 */
import type { LineStatus, PopupModel } from '../../electron/contract/models.js';
import type { Translator } from './i18n/i18n.js';
import { isLineDown } from './line-words.js';
import type { ViewState } from './state.js';

export type TabKind = 'idle' | 'ringing' | 'down';

export interface TabSignal {
  readonly kind: TabKind;
  readonly title: string;
}

/** Who is calling, as the tab and the notification name them. */
export function callerOf(popup: PopupModel, t: Translator['t']): string {
  const contact = popup.contacts[popup.selected ?? 0];
  if (contact !== undefined && popup.contacts.length === 1) return contact.name;
  if (popup.selected !== null && contact !== undefined) return contact.name;
  return popup.number.display.trim() === '' ? t('notify.unknownCaller') : popup.number.display;
}

/** The newest ringing incoming call, if any (popups are newest first). */
export function ringingCall(popups: readonly PopupModel[]): PopupModel | undefined {
  return popups.find((popup) => popup.state === 'ringing' && popup.direction === 'incoming');
}

/** The tab's title and icon: a ringing call first, then a line that is down, else the app's name. */
export function tabSignal(
  line: LineStatus | null,
  connection: ViewState['connection'],
  popups: readonly PopupModel[],
  t: Translator['t'],
): TabSignal {
  const ringing = ringingCall(popups);
  if (ringing !== undefined)
    return { kind: 'ringing', title: t('tab.ringing', { who: callerOf(ringing, t) }) };
  if (connection !== 'open' || isLineDown(line)) return { kind: 'down', title: t('tab.down') };
  return { kind: 'idle', title: t('app.title') };
}

const PHONE =
  'M11.2 7.5c.6-.2 1.3.1 1.6.7l1.7 3.6c.3.6.1 1.3-.4 1.7l-1.6 1.2a11 11 0 0 0 5 5l1.2-1.6c.4-.5 1.1-.7 1.7-.4l3.6 1.7c.6.3.9 1 .7 1.6l-.8 2.6c-.2.7-.9 1.1-1.6 1-8-.9-13.9-6.8-14.8-14.8-.1-.7.3-1.4 1-1.6z';

/** The favicon for each kind: the app's phone, amber while ringing, red with a bar when down. */
export function faviconFor(kind: TabKind): string {
  const ground = kind === 'down' ? '#b42318' : kind === 'ringing' ? '#c25e00' : '#1f6feb';
  const mark =
    kind === 'down'
      ? '<rect x="3" y="14" width="26" height="4" fill="#fff" transform="rotate(-45 16 16)"/>'
      : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${ground}"/><path fill="#fff" d="${PHONE}"/>${mark}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** What the tab watcher needs from the page (injected, so the wiring stays in main.tsx). */
export interface TabEnvironment {
  readonly document: Document;
  /** The browser's Notification, or undefined where there is none. */
  readonly Notification: typeof Notification | undefined;
  /** Brings the page to the front (a click on the notification). */
  readonly focus: () => void;
}

/**
 * Keeps the tab's title and favicon in step with the state, and announces each newly ringing
 * call while the page is hidden (when notifications are allowed). Returns the next `announced`
 * set (call ids already announced).
 */
export function applyTab(
  state: ViewState,
  t: Translator['t'],
  environment: TabEnvironment,
  announced: ReadonlySet<string>,
): ReadonlySet<string> {
  const { document } = environment;
  const signal = tabSignal(state.line, state.connection, state.popups, t);
  if (document.title !== signal.title) document.title = signal.title;
  let icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (icon === null) {
    icon = document.createElement('link');
    icon.rel = 'icon';
    document.head.append(icon);
  }
  icon.dataset.state = signal.kind;
  const href = faviconFor(signal.kind);
  if (icon.getAttribute('href') !== href) {
    icon.type = 'image/svg+xml';
    icon.setAttribute('href', href);
  }
  const ringing = state.popups.filter((popup) => popup.state === 'ringing' && popup.direction === 'incoming');
  // Only calls still ringing stay remembered; a call is announced once, when its lookup is done.
  const next = new Set(ringing.filter((popup) => announced.has(popup.callId)).map((popup) => popup.callId));
  const Notify = environment.Notification;
  if (Notify === undefined || Notify.permission !== 'granted' || !document.hidden) return next;
  for (const popup of ringing) {
    if (next.has(popup.callId) || popup.lookup !== 'done') continue;
    // The tag makes a repeat of the same call replace, not stack.
    const shown = new Notify(t('notify.title', { who: callerOf(popup, t) }), {
      body: popup.number.display,
      tag: popup.callId,
    });
    shown.onclick = () => {
      environment.focus();
      shown.close();
    };
    next.add(popup.callId);
  }
  return next;
}
