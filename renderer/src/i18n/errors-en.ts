/**
 * The errors an agent meets, by their stable code (electron/contract/error-info.ts), under
 * `error.<code>`: the shared wording of electron/contract/error-words.ts. `errors-de.ts` has the
 * same keys. An entry is used only when the error brings every `{param}` it names; otherwise the
 * window shows the error's English message.
 */
import { ERROR_WORDS, type ErrorKey } from '../../../electron/contract/error-words.js';

export type { ErrorKey };

/** The English words of every error code. */
export const errorsEn: Readonly<Record<ErrorKey, string>> = ERROR_WORDS.en;
