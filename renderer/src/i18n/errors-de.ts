/** The errors an agent meets, in German (the keys of errors-en.ts). */
import type { ErrorKey } from './errors-en.js';

export const errorsDe: Readonly<Record<ErrorKey, string>> = {
  'error.number.empty': 'Keine Rufnummer angegeben.',
  'error.number.too-long-input': 'Die Eingabe ist länger als {max} Zeichen.',
  'error.number.invalid-character':
    '{char} an Stelle {position} ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
  'error.number.control-character': 'Ein Steuerzeichen ({char}) an Stelle {position} ist nicht erlaubt.',
  'error.number.misplaced-plus':
    '„+“ an Stelle {position}: erlaubt ist nur ein „+“, am Anfang der Rufnummer.',
  'error.number.no-digits': 'Die Rufnummer enthält keine Ziffern.',
  'error.number.too-many-digits':
    'Die Rufnummer hat vervollständigt {digits} Ziffern; möglich sind höchstens {max}.',
  'error.number.foreign-international-prefix':
    '„{prefix}“ ist in diesem Land nicht die Auslandsvorwahl: {internationalPrefix} wählen oder „+“ vor die Landesvorwahl schreiben.',
  'error.number.invalid-country-code': '„{start}…“ beginnt nicht mit einer Landesvorwahl.',
  'error.number.unsupported-scheme': 'Ein Link, der mit „{scheme}:“ beginnt, ist kein Telefonlink.',
  'error.number.missing-scheme': 'Kein Telefonlink: erwartet wird tel:, phone:, callto:, sip: oder sips:.',
  'error.number.invalid-uri': 'Dieser Telefonlink ist fehlerhaft.',
  'error.number.invalid-parameter': 'Dieser Telefonlink hat einen falschen Parameter.',
  'error.number.invalid-phone-context': 'Der phone-context dieses Telefonlinks ist ungültig.',
  'error.dial.not-a-number': '„{number}“ kann nicht gewählt werden: keine Rufnummer.',
  'error.dial.no-number-in-text': 'Keine Rufnummer in „{excerpt}“: nichts wurde gewählt.',
  'error.dial.line-cannot-dial': 'Auf dieser Leitung kann Ringdesk nicht wählen.',
  'error.dial.nothing-to-dial': 'Es gibt nichts zu wählen.',
  'error.call.not-in-journal': 'Dieser Anruf steht nicht mehr in der Anrufliste.',
  'error.popup.not-found': 'Dieses Popup gibt es nicht mehr.',
  'error.popup.no-such-contact': 'Dieser Kontakt wird im Popup nicht mehr angeboten.',
  'error.popup.action-not-offered': 'Diese Aktion wird für diesen Anruf nicht angeboten.',
  'error.popup.not-web-url': 'Eine Adresse, die keine Webadresse (http oder https) ist, wird nicht geöffnet.',
  'error.confirm.gone': 'Dieser Anruf wartet nicht mehr auf Bestätigung (angenommen oder abgelaufen).',
  'error.confirm.too-many':
    'Schon {max} Anrufe warten auf Ihre Bestätigung: erst diese wählen oder abbrechen. Nichts wurde gewählt.',
  'error.confirm.stopping': 'Ringdesk wird beendet: nichts wurde gewählt.',
  'error.line.no-answer':
    'Der Anruf an {number} ist gescheitert: Ihr Telefon hat geklingelt, aber niemand hat abgenommen.',
  'error.line.busy': 'Der Anruf an {number} ist gescheitert: Ihr Telefon ist besetzt.',
  'error.line.refused':
    'Der Anruf an {number} ist gescheitert: Ihr Telefon hat aufgelegt oder den Anruf abgewiesen.',
  'error.line.unreachable':
    'Der Anruf an {number} ist gescheitert: Ihr Telefon ist nicht erreichbar (ist es angemeldet?).',
  'error.line.congestion': 'Der Anruf an {number} ist gescheitert: kein freier Kanal erreicht Ihr Telefon.',
};
