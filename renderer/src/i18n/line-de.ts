/** The words for the line's state, in German (the keys of line-en.ts). */
import { LINE_WORDS } from '../../../electron/contract/line-words.js';
import type { LineKey } from './line-en.js';

export const lineDe: Record<LineKey, string> = {
  ...LINE_WORDS.de,
  'banner.lead': 'Anrufe werden nicht angezeigt:',
  'banner.retryIn': 'Neuer Versuch in {seconds} s.',
  'banner.retrying': 'Neuer Versuch läuft …',
  'banner.retryNow': 'Jetzt neu verbinden',
  'banner.settings': 'Einstellungen',
  'banner.details': 'Einzelheiten',
  'dial.off': 'Wählen ist aus, solange die Leitung getrennt ist.',
  'tab.down': 'Leitung getrennt · Ringdesk',
  'tab.ringing': 'Anruf von {who} · Ringdesk',
  'notify.ask': 'Anrufe melden, wenn dieser Tab verborgen ist',
  'notify.on': 'Anrufe werden gemeldet, solange dieser Tab verborgen ist.',
  'notify.blocked': 'Dieser Browser blockiert Benachrichtigungen für Ringdesk.',
  'notify.title': 'Anruf von {who}',
  'notify.unknownCaller': 'einer unbekannten Nummer',
  'settings.lineTestFailed': 'Der Leitungstest ist fehlgeschlagen. Trotzdem speichern?',
  'settings.saveAnyway': 'Trotzdem speichern',
  'settings.keepEditing': 'Weiter bearbeiten',
};
