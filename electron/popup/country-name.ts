/**
 * The name of the country an international number belongs to, in the popup's language
 * (`+44 20 7946 0958` → "United Kingdom", "Vereinigtes Königreich"): agents recognise a
 * country, not the word "international". Non-geographic numbers (+800, +882) have none.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A function from an E.164 number to its country's name in `locale`, or null. */
export function countryNamer(locale: string): (e164: string) => string | null {
  let names: Intl.DisplayNames | null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    names = null;
  }
  return (e164) => {
    const region = parsePhoneNumberFromString(e164)?.country;
    if (region === undefined || names === null) return null;
    const name = names.of(region);
    return name === undefined || name === region ? null : name;
  };
}
