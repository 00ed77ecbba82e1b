/**
 * Countries by name for the dialing rules: every region libphonenumber knows, named in the UI's
 * language, with its calling code; the region of the browser's (or OS's) language settings
 * (`de-AT` → Austria); and an example mobile number of a country for the preview.
 */
import { getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import metadata from 'libphonenumber-js/min/metadata';

export interface Country {
  readonly region: CountryCode;
  readonly name: string;
  readonly callingCode: string;
  /** As the list shows it: "Austria (+43)". */
  readonly label: string;
}

/** Every country, sorted by its name in `language`. */
export function countries(language: string): Country[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  return getCountries()
    .map((region) => {
      const name = names.of(region) ?? region;
      const callingCode = getCountryCallingCode(region);
      return { region, name, callingCode, label: `${name} (+${callingCode})` };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The first region named by `locales` (`de-AT` → `AT`, `de` → `DE`), or null. */
export function regionOfLocales(locales: readonly string[]): CountryCode | null {
  const known = new Set<string>(getCountries());
  for (const locale of locales) {
    try {
      const region = new Intl.Locale(locale).maximize().region;
      if (region !== undefined && known.has(region)) return region as CountryCode;
    } catch {
      // not a locale: try the next
    }
  }
  return null;
}

/**
 * The country shown for a calling code: `preferred` when it has that code (a Canadian browser
 * keeps Canada for +1), else the first region that has it.
 */
export function countryOfCode(
  list: readonly Country[],
  code: string,
  preferred: string | null,
): Country | null {
  const same = list.filter((country) => country.callingCode === code);
  return same.find((country) => country.region === preferred) ?? mainCountry(same, code);
}

function mainCountry(same: readonly Country[], code: string): Country | null {
  // libphonenumber lists the main region of a shared code first (US for +1, GB for +44, RU for +7).
  const codes: Readonly<Record<string, readonly string[]>> = metadata.country_calling_codes;
  const main = Object.hasOwn(codes, code) ? codes[code]?.[0] : undefined;
  return same.find((country) => country.region === main) ?? same[0] ?? null;
}

/** A mobile number of the country in its national form, for the preview (`0664 123456`). */
export function exampleMobile(region: CountryCode): string | null {
  return getExampleNumber(region, examples)?.formatNational() ?? null;
}
