/**
 * The Companion's problems with a field, said in plain words where we know them ("The address
 * book file is missing" rather than `directories[0].path: file not found`); others as they come.
 */
import { readAcceleratorMessage } from '../../../electron/contract/accelerator.js';
import type { Translator } from '../i18n/i18n.js';
import { isMissingValue } from './field-values.js';

export function plainProblem(path: string, message: string, t: Translator['t']): string {
  const missingFile = /^file not found \((.*)\)$/.exec(message);
  if (missingFile !== null) return t('problem.fileNotFound', { file: missingFile[1] ?? '' });
  const isFile = /^directories\[\d+\]\.path$/.test(path);
  if (isFile && (message === 'must name a file' || isMissingValue(message))) return t('problem.fileMissing');
  if (path === 'dialingRules.countryCode') return t('problem.country');
  const shortcut = /^app\.shortcuts\.\w+$/.test(path) ? readAcceleratorMessage(message) : null;
  if (shortcut !== null)
    return t(`problem.shortcut.${shortcut.code}`, { shortcut: shortcut.shortcut, part: shortcut.part });
  return isMissingValue(message) ? t('problem.required') : message;
}
