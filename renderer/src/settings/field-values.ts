/**
 * How a form field's input becomes a settings value and back. Empty means "not set" (the key
 * is removed, so the default applies); a number field keeps what cannot be a number as text so
 * the Companion names the problem instead of the form silently dropping it; a secret the user
 * types travels as `{"secret": ...}` and is moved into the secret store when saved.
 */
import { isObject, type Json } from './document-path.js';

/** What a text or number field shows for a value. */
export function shownText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : JSON.stringify(value);
}

export function fromText(input: string): Json | undefined {
  return input.trim() === '' ? undefined : input;
}

export function fromNumber(input: string): Json | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * A global shortcut shows the combination in force (the default when none is set) and writes only
 * what differs from the default; an emptied field is written as "" (the shortcut is off).
 */
export function shownShortcut(value: Json | undefined, defaultValue: string): string {
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? defaultValue
      : shownText(value);
}

/** A shortcut field's text as the document keeps it: '' is off, the default itself is no change (undefined). */
export function fromShortcut(input: string, defaultValue: string): Json | undefined {
  const text = input.trim();
  return text === defaultValue ? undefined : text;
}

/** A checkbox writes only what differs from the default. */
export function fromCheckbox(checked: boolean, defaultValue: boolean): Json | undefined {
  return checked === defaultValue ? undefined : checked;
}

/** An optional section: on keeps its settings (or starts empty), off removes it. */
export function fromSection(on: boolean, current: Json | undefined): Json | undefined {
  if (!on) return undefined;
  return isObject(current) ? current : {};
}

export function sectionOn(value: Json | undefined): boolean {
  return isObject(value);
}

/** Where a secret's value is: nowhere yet, the secret store, an environment variable, typed now, or in the file. */
export type SecretState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'stored' }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'plain' };

export function secretState(value: Json | undefined): SecretState {
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'plain' };
  if (isObject(value)) {
    if (typeof value.stored === 'string') return { kind: 'stored' };
    if (typeof value.env === 'string') return { kind: 'env', name: value.env };
    if (typeof value.secret === 'string') return { kind: 'typed', text: value.secret };
  }
  return { kind: 'plain' };
}

export function fromEnvName(input: string): Json | undefined {
  return input.trim() === '' ? undefined : { env: input.trim() };
}

/**
 * zod's message for a missing required field ("Invalid input: expected string, received
 * undefined") said as a person would.
 */
export function isMissingValue(message: string): boolean {
  return /expected \w+, received undefined/.test(message);
}
