/**
 * The words for the line's state (issue 10 §3): the banner when the line is down, the product
 * names, the problems in plain words, the tab title and notifications.
 * `line-de.ts` has the same keys. `{where}` is `where.at` or `where.plain` filled in.
 */
import { LINE_WORDS } from '../../../electron/contract/line-words.js';

export const lineEn = {
  ...LINE_WORDS.en,
  'banner.lead': 'Calls are not shown:',
  'banner.retryIn': 'Retrying in {seconds} s.',
  'banner.retrying': 'Trying again now…',
  'banner.retryNow': 'Retry now',
  'banner.settings': 'Settings',
  'banner.details': 'Details',
  'dial.off': 'Dialling is off while the line is down.',
  'tab.down': 'Line down · Ringdesk',
  'tab.ringing': 'Call from {who} · Ringdesk',
  'notify.ask': 'Notify me of calls when this tab is hidden',
  'notify.on': 'Calls are announced while this tab is hidden.',
  'notify.blocked': 'This browser blocks notifications for Ringdesk.',
  'notify.title': 'Call from {who}',
  'notify.unknownCaller': 'an unknown number',
  'settings.lineTestFailed': 'The line test failed. Save anyway?',
  'settings.saveAnyway': 'Save anyway',
  'settings.keepEditing': 'Keep editing',
} as const;

export type LineKey = keyof typeof lineEn;
