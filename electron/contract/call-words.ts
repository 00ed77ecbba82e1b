/**
 * How a call's party and outcome read, in English and German: "Number withheld", "Answered by
 * Anna (7003)", "Rejected: busy", "Forwarded to 208", "Abandoned in queue Support". One wording
 * for every place that writes them outside the windows' catalogues: the popup (its templates read
 * them as `{{text.*}}`) and the call-log export.
 */
import type { CallOutcome, Presentation } from './line-party.js';

/** The words, by language; the popup's catalogue spreads them into its own. */
export const CALL_WORDS = {
  en: {
    numberWithheld: 'Number withheld',
    numberUnavailable: 'Number unavailable',
    numberUnknown: 'Number unknown',
    queue: 'Queue {queue}',
    answeredBy: 'Answered by {who}',
    answeredElsewhere: 'Answered elsewhere',
    rejectedBusy: 'Rejected: busy',
    rejectedDnd: 'Rejected: do not disturb',
    rejectedUnavailable: 'Rejected: phone unavailable',
    rejectedDeclined: 'Rejected',
    forwardedTo: 'Forwarded to {to}',
    forwarded: 'Forwarded',
    abandonedInQueue: 'Abandoned in queue {queue}',
    abandoned: 'Abandoned in the queue',
  },
  de: {
    numberWithheld: 'Rufnummer unterdrückt',
    numberUnavailable: 'Rufnummer nicht verfügbar',
    numberUnknown: 'Rufnummer unbekannt',
    queue: 'Warteschlange {queue}',
    answeredBy: 'Angenommen von {who}',
    answeredElsewhere: 'Anderswo angenommen',
    rejectedBusy: 'Abgewiesen: besetzt',
    rejectedDnd: 'Abgewiesen: nicht stören',
    rejectedUnavailable: 'Abgewiesen: Telefon nicht erreichbar',
    rejectedDeclined: 'Abgewiesen',
    forwardedTo: 'Weitergeleitet an {to}',
    forwarded: 'Weitergeleitet',
    abandonedInQueue: 'In Warteschlange {queue} aufgelegt',
    abandoned: 'In der Warteschlange aufgelegt',
  },
} as const satisfies Record<string, Record<string, string>>;

/** The words of one language; any catalogue that holds them (the popup's) will do. */
export type CallWords = Readonly<Record<keyof (typeof CALL_WORDS)['en'], string>>;

/** "Answered by Anna (7003)", "Rejected: busy", "Forwarded to 208" … in `words`' language. */
export function outcomeText(outcome: CallOutcome, words: CallWords): string {
  switch (outcome.kind) {
    case 'answeredElsewhere': {
      const { name, number } = outcome.by ?? {};
      const who = name !== undefined && number !== undefined ? `${name} (${number})` : (name ?? number);
      return who === undefined ? words.answeredElsewhere : words.answeredBy.replace('{who}', who);
    }
    case 'rejected':
      return {
        busy: words.rejectedBusy,
        dnd: words.rejectedDnd,
        unavailable: words.rejectedUnavailable,
        declined: words.rejectedDeclined,
      }[outcome.reason];
    case 'forwarded':
      return outcome.to === undefined ? words.forwarded : words.forwardedTo.replace('{to}', outcome.to);
    case 'abandoned':
      return outcome.queue === undefined
        ? words.abandoned
        : words.abandonedInQueue.replace('{queue}', outcome.queue);
  }
}

/** How a number the line did not give is shown, in `words`' language; null for a number. */
export function presentationText(presentation: Presentation | undefined, words: CallWords): string | null {
  if (presentation === 'withheld') return words.numberWithheld;
  if (presentation === 'unavailable') return words.numberUnavailable;
  return presentation === 'unknown' ? words.numberUnknown : null;
}
