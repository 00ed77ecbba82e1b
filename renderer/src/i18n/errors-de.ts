/** The errors an agent meets, in German (the keys of errors-en.ts; electron/contract/error-words.ts). */
import { ERROR_WORDS, type ErrorKey } from '../../../electron/contract/error-words.js';

/** The German words of every error code. */
export const errorsDe: Readonly<Record<ErrorKey, string>> = ERROR_WORDS.de;
