/**
 * A number as the UI names it where no contact does: a withheld caller in words, a colleague's
 * extension as "Ext. 12", any other as displayed (the Companion's display form).
 */
import type { NumberView } from '../../electron/contract/models.js';
import type { Translator } from './i18n/i18n.js';

type ShownNumber = Pick<NumberView, 'raw' | 'kind' | 'display' | 'dialable'>;

export function numberText(number: ShownNumber, t: Translator['t']): string {
  if (number.kind === 'unknown' && number.raw.trim() === '') return t('number.withheld');
  if (number.kind === 'internal' && number.dialable !== '')
    return t('number.extension', { number: number.dialable });
  return number.display;
}
