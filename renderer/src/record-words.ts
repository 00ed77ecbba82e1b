/**
 * How the call log words what the line said about a call: a number it did not give ("Number
 * withheld"), the queue, and what became of the call ("answered by Anna (7003)", "rejected:
 * busy", "forwarded to 208", "abandoned in queue Support").
 */
import type { JournalRecord } from '../../electron/contract/models.js';
import type { Translator } from './i18n/i18n.js';
import { numberText } from './number-text.js';

type T = Translator['t'];

/** The number as the call log shows it: the display form, or why there is none. */
export function recordNumber(record: JournalRecord, t: T): string {
  switch (record.presentation) {
    case 'withheld':
      return t('calls.number.withheld');
    case 'unavailable':
      return t('calls.number.unavailable');
    case 'unknown':
      return t('calls.number.unknown');
    default:
      return numberText(record.number, t);
  }
}

/** What became of the call where the line said; null when it did not. */
export function recordOutcome(record: JournalRecord, t: T): string | null {
  const outcome = record.outcome;
  switch (outcome?.kind) {
    case undefined:
      return null;
    case 'answeredElsewhere': {
      const { name, number } = outcome.by ?? {};
      const who = name !== undefined && number !== undefined ? `${name} (${number})` : (name ?? number);
      return who === undefined
        ? t('calls.outcome.answeredElsewhere')
        : t('calls.outcome.answeredBy', { who });
    }
    case 'rejected':
      return t(`calls.outcome.rejected.${outcome.reason}`);
    case 'forwarded':
      return outcome.to === undefined
        ? t('calls.outcome.forwarded')
        : t('calls.outcome.forwardedTo', { to: outcome.to });
    case 'abandoned':
      return outcome.queue === undefined
        ? t('calls.outcome.abandoned')
        : t('calls.outcome.abandonedIn', { queue: outcome.queue });
  }
}
