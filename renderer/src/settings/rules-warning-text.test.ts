import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import { warningText } from './rules-warning-text.js';

const emergency = {
  code: 'extension-reaches-emergency-numbers',
  numbers: ['110', '112'],
  message: 'extensions of up to 3 digits include 110 and 112, emergency numbers of country +49: ...',
};
const service = {
  code: 'extension-reaches-service-numbers',
  numbers: ['115'],
  message: 'extensions of up to 3 digits include 115, a service number of country +49: ...',
};

describe('dialing rules warnings in words', () => {
  it('says them in English and German, numbers listed as each language lists them', () => {
    expect(warningText(emergency, translator('en-GB'))).toBe(
      'Extensions this long include 110 and 112, emergency numbers here: they always call the emergency services, never a colleague.',
    );
    expect(warningText(emergency, translator('de-DE'))).toBe(
      'Nebenstellen dieser Länge umfassen 110 und 112, hier Notrufnummern: Sie rufen immer den Notruf, nie eine Kollegin oder einen Kollegen.',
    );
    expect(warningText(service, translator('en-US'))).toBe(
      'Extensions this long include 115, a service number here: it calls the colleague with that extension, not the service.',
    );
    expect(warningText(service, translator('de-AT'))).toBe(
      'Nebenstellen dieser Länge umfassen 115, hier eine Servicenummer: Gewählt wird die Nebenstelle, nicht der Dienst.',
    );
    expect(warningText({ ...emergency, numbers: ['112'] }, translator('de-DE'))).toMatch(
      /hier eine Notrufnummer: Sie ruft/,
    );
    expect(warningText({ ...service, numbers: ['211', '311', '411'] }, translator('en-US'))).toMatch(
      /^Extensions this long include 211, 311, and 411, service numbers here: they call the colleagues/,
    );
  });

  it('shows a warning it has no words for in the Companion’s own', () => {
    expect(
      warningText({ code: 'something-new', numbers: [], message: 'the new words' }, translator('de-DE')),
    ).toBe('the new words');
  });
});
