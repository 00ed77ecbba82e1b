/**
 * An error in the UI's language: a known code (electron/contract/error-info.ts) worded by the catalogue
 * with its params filled in; anything else (no code, a code this UI does not know, a param the
 * entry needs but the error lacks) as the error's own message, so nothing is lost.
 *
 * The code and params came over the network: the key is looked up with `Object.hasOwn` in the
 * English catalogue before use, and only the placeholders an entry names are read from params.
 */
import type { ErrorInfo } from '../../electron/contract/error-info.js';
import { RemoteError } from './bridge/remote-error.js';
import { CATALOGS, type MessageKey, type Translator } from './i18n/i18n.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** What `error` says, in the words of `i18n`'s language where its code is known. */
export function errorText(error: unknown, i18n: Pick<Translator, 't'>): string {
  const info: ErrorInfo =
    error instanceof RemoteError
      ? error.info
      : { message: error instanceof Error ? error.message : String(error) };
  return infoText(info, i18n);
}

/** The words for one {@link ErrorInfo} (see {@link errorText}). */
export function infoText(info: ErrorInfo, i18n: Pick<Translator, 't'>): string {
  if (info.code === undefined) return info.message;
  const key = `error.${info.code}`;
  if (!Object.hasOwn(CATALOGS.en, key)) return info.message;
  const entry = CATALOGS.en[key as MessageKey];
  const params = info.params ?? {};
  const values: Record<string, string | number> = Object.create(null) as Record<string, string | number>;
  for (const [, name = ''] of entry.matchAll(PLACEHOLDER)) {
    if (!Object.hasOwn(params, name)) return info.message;
    values[name] = params[name] as string | number;
  }
  return i18n.t(key as MessageKey, values);
}
