/**
 * A system notification for each missed call, so an agent who was away from the desk sees it
 * (the popup may have closed itself meanwhile). Clicking it opens the call log, where the call
 * is marked and can be called back.
 *
 * `missedCallNotice` decides from one journal record whether and what to notify; the small
 * `MissedCallNotifier` shows it with an injected Notification constructor (Electron's at the
 * edge, a fake in tests).
 */
import type { JournalRecord } from '../contract/models.js';
import { POPUP_TEXT, popupLanguage } from '../popup/popup-text.js';

/** What the notification says. */
export interface MissedCallNotice {
  readonly title: string;
  readonly body: string;
  /** The journal record it is about. */
  readonly journalId: string;
}

/** What the decision depends on besides the record. */
export interface NoticeContext {
  /** The agent switched on "do not disturb" in the tray: nothing is shown. */
  readonly doNotDisturb: boolean;
  /** The app language (settings `app.language`, `auto` resolved to the OS locale), e.g. `de-DE`. */
  readonly locale: string;
}

/**
 * The notice for a journal record, or null: only an incoming call nobody answered, not from a
 * blocked number, not yet handled, and not while "do not disturb" is on. The body names the
 * caller (and company) when known, else the number as displayed.
 */
export function missedCallNotice(record: JournalRecord, context: NoticeContext): MissedCallNotice | null {
  if (!record.missed || record.blocked || record.handled || record.direction !== 'incoming') return null;
  if (context.doNotDisturb) return null;
  const text = POPUP_TEXT[popupLanguage(context.locale)];
  const { contact, number } = record;
  const who =
    contact === null
      ? number.display
      : `${contact.name}${contact.company === null || contact.company === contact.name ? '' : ` (${contact.company})`}`;
  return {
    title: text.missedCall,
    body: contact === null || number.display === '' ? who : `${who}\n${number.display}`,
    journalId: record.id,
  };
}

/** What the notifier needs of a shown notification (Electron's `Notification`). */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

/** Electron's `Notification` constructor, or a fake. */
export type NotificationConstructor = new (options: {
  title: string;
  body: string;
  silent?: boolean;
}) => NotificationLike;

/** Electron's Notification (or a fake), the current context, and the way to the call log. */
export interface MissedCallNotifierDeps {
  readonly Notification: NotificationConstructor;
  /** False where the OS has no notifications (`Notification.isSupported()`). */
  readonly isSupported: () => boolean;
  readonly context: () => NoticeContext;
  /** Opens the call log (a click on the notification). */
  readonly showCalls: () => void;
}

/** How many shown notifications are kept referenced (Electron drops click handlers of collected ones). */
const KEEP = 20;

/** Shows a notification for every missed call the Companion journals. */
export class MissedCallNotifier {
  private readonly shown: NotificationLike[] = [];
  private readonly notified = new Set<string>();

  constructor(private readonly deps: MissedCallNotifierDeps) {}

  /** Feed it every Companion (or runtime) event; it acts on `journal` ones. */
  onEvent(event: { readonly channel: string; readonly payload: unknown }): void {
    if (event.channel !== 'journal' || !this.deps.isSupported()) return;
    const record = event.payload as JournalRecord;
    if (this.notified.has(record.id)) return;
    const notice = missedCallNotice(record, this.deps.context());
    if (notice === null) return;
    this.notified.add(record.id);
    const notification = new this.deps.Notification({ title: notice.title, body: notice.body });
    notification.on('click', () => {
      this.deps.showCalls();
    });
    notification.show();
    this.shown.push(notification);
    if (this.shown.length > KEEP) this.shown.shift();
  }
}
