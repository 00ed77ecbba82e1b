import { describe, expect, it } from 'vitest';
import { countries, countryOfCode, exampleMobile, regionOfLocales } from './countries.js';

describe('countries by name', () => {
  it('names every country in the UI language, with its calling code', () => {
    const german = countries('de');
    expect(german.find((country) => country.region === 'AT')?.label).toBe('Österreich (+43)');
    expect(countries('en').find((country) => country.region === 'GB')?.label).toBe('United Kingdom (+44)');
    expect(german.length).toBeGreaterThan(200);
  });

  it('takes the region from the browser’s languages: de-AT is Austria, not the United States', () => {
    expect(regionOfLocales(['de-AT', 'en-US'])).toBe('AT');
    expect(regionOfLocales(['de'])).toBe('DE');
    expect(regionOfLocales(['not a locale', 'fr-CA'])).toBe('CA');
  });

  it('shows a shared calling code as the browser’s country, else the main one', () => {
    const list = countries('en');
    expect(countryOfCode(list, '1', 'CA')?.name).toBe('Canada');
    expect(countryOfCode(list, '1', 'DE')?.name).toBe('United States');
    expect(countryOfCode(list, '44', null)?.name).toBe('United Kingdom');
    expect(countryOfCode(list, '999', null)).toBeNull();
  });

  it('has an example mobile number for the preview', () => {
    expect(exampleMobile('AT')).toMatch(/^0664 \d/);
  });
});
