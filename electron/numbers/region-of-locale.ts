/** The region of a locale: its own module, free of the number metadata, so that starting the CLI does not load them. */

/**
 * The region (ISO 3166 alpha-2) of a BCP 47 locale, guessing from the language when the
 * locale names none ("de" → "DE"). Falls back to "US", as the C locale means en-US.
 */
export function regionOfLocale(locale: string): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && /^[A-Z]{2}$/.test(region) ? region : 'US';
  } catch {
    return 'US';
  }
}
