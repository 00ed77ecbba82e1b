/**
 * The errors an agent meets, by their stable code (error-info.ts), under `error.<code>`, in
 * English and German: one wording for the windows' catalogues (renderer/src/i18n/errors-*.ts
 * spread them) and the desktop app's own notifications. An entry is used only when the error
 * brings every `{param}` it names; otherwise the error's English message is shown.
 */
import type { ErrorCode, ErrorInfo } from './error-info.js';

/** The catalogue key of an error code. */
export type ErrorKey = `error.${ErrorCode}`;

/** The words, by language; both have every code (the type says so). */
export const ERROR_WORDS: Readonly<Record<'en' | 'de', Readonly<Record<ErrorKey, string>>>> = {
  en: {
    'error.number.empty': 'No number given.',
    'error.number.too-long-input': 'The input is longer than {max} characters.',
    'error.number.invalid-character':
      '{char} at position {position} is not allowed in a phone number: use digits only.',
    'error.number.control-character': 'A control character ({char}) at position {position} is not allowed.',
    'error.number.misplaced-plus':
      '"+" at position {position}: only one "+", at the start of the number, is allowed.',
    'error.number.no-digits': 'The number contains no digits.',
    'error.number.too-many-digits':
      'The number has {digits} digits once completed; at most {max} are possible.',
    'error.number.foreign-international-prefix':
      '"{prefix}" is not the international prefix in this country: dial {internationalPrefix} or write "+" before the country code.',
    'error.number.invalid-country-code': '"{start}…" does not start with a country calling code.',
    'error.number.unsupported-scheme': 'A link starting with "{scheme}:" is not a phone link.',
    'error.number.missing-scheme': 'Not a phone link: expected tel:, phone:, callto:, sip: or sips:.',
    'error.number.invalid-uri': 'This phone link is malformed.',
    'error.number.invalid-parameter': 'This phone link has a wrong parameter.',
    'error.number.invalid-phone-context': 'The phone-context of this phone link is not valid.',
    'error.number.invalid-percent-encoding':
      'This phone link is malformed: the "%" at position {position} is not a valid encoding.',
    'error.number.feature-code-in-global-number':
      'A number starting with "+" cannot hold "*" or "#": a feature code is dialled without "+".',
    'error.number.invalid-feature-code-character':
      '{char} at position {position} is not allowed in a feature code: use digits, "*" and "#" only.',
    'error.dial.not-a-number': 'Cannot dial "{number}": it is not a phone number.',
    'error.dial.no-number-in-text': 'No phone number in "{excerpt}": nothing was dialled.',
    'error.dial.line-cannot-dial': 'This line cannot dial.',
    'error.dial.nothing-to-dial': 'There is nothing to dial.',
    'error.call.not-in-journal': 'This call is no longer in the call log.',
    'error.popup.not-found': 'This popup is gone.',
    'error.popup.no-such-contact': 'This contact is no longer offered in the popup.',
    'error.popup.action-not-offered': 'This action is not offered for this call.',
    'error.popup.not-web-url': 'Refused to open an address that is not a web address (http or https).',
    'error.confirm.gone': 'This call no longer waits for confirmation (answered or expired).',
    'error.confirm.too-many':
      '{max} calls already wait for your confirmation: answer or cancel them first. Nothing was dialled.',
    'error.confirm.stopping': 'Ringdesk is stopping: nothing was dialled.',
    'error.line.no-answer': 'The call to {number} failed: your phone rang but nobody answered.',
    'error.line.busy': 'The call to {number} failed: your phone is busy.',
    'error.line.refused': 'The call to {number} failed: your phone hung up or refused the call.',
    'error.line.unreachable':
      'The call to {number} failed: your phone cannot be reached (is it registered?).',
    'error.line.congestion': 'The call to {number} failed: no free channel reaches your phone.',
    'error.line.not-connected': 'The line is not connected right now: try again once it is back.',
    'error.line.not-dialable': 'Your line cannot dial {number}: check the number.',
    'error.line.dial-failed':
      'Your phone system could not place the call to {number}. Try again; if it keeps failing, tell your administrator.',
    'error.line.phone-timeout':
      'Your phone or PBX did not answer the dial request in time: check that it is switched on and reachable, then try again.',
    'error.line.phone-unreachable':
      'Ringdesk could not reach your phone or PBX: check that it is switched on and that its address (Phone address or Dial URL in Settings › Line) is right.',
    'error.line.phone-refused-login':
      'Your phone or PBX refused the login: check the user name and password in Settings › Line.',
    'error.line.proxy-refused':
      "The proxy refused the login: ask your administrator to check the line's proxy settings.",
    'error.line.phone-error':
      'Your phone or PBX refused to dial (HTTP status {status}): check the fields under "Dial through" in Settings › Line.',
  },
  de: {
    'error.number.empty': 'Keine Rufnummer angegeben.',
    'error.number.too-long-input': 'Die Eingabe ist länger als {max} Zeichen.',
    'error.number.invalid-character':
      '{char} an Stelle {position} ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
    'error.number.control-character': 'Ein Steuerzeichen ({char}) an Stelle {position} ist nicht erlaubt.',
    'error.number.misplaced-plus':
      '„+“ an Stelle {position}: erlaubt ist nur ein „+“, am Anfang der Rufnummer.',
    'error.number.no-digits': 'Die Rufnummer enthält keine Ziffern.',
    'error.number.too-many-digits':
      'Die vervollständigte Rufnummer hat {digits} Ziffern; möglich sind höchstens {max}.',
    'error.number.foreign-international-prefix':
      '„{prefix}“ ist in diesem Land nicht die Auslandsvorwahl: {internationalPrefix} wählen oder „+“ vor die Landesvorwahl schreiben.',
    'error.number.invalid-country-code': '„{start}…“ beginnt nicht mit einer Landesvorwahl.',
    'error.number.unsupported-scheme': 'Ein Link, der mit „{scheme}:“ beginnt, ist kein Telefonlink.',
    'error.number.missing-scheme': 'Kein Telefonlink: erwartet wird tel:, phone:, callto:, sip: oder sips:.',
    'error.number.invalid-uri': 'Dieser Telefonlink ist fehlerhaft.',
    'error.number.invalid-parameter': 'Dieser Telefonlink hat einen falschen Parameter.',
    'error.number.invalid-phone-context': 'Der phone-context dieses Telefonlinks ist ungültig.',
    'error.number.invalid-percent-encoding':
      'Dieser Telefonlink ist fehlerhaft: das „%“ an Stelle {position} ist falsch kodiert.',
    'error.number.feature-code-in-global-number':
      'Eine Rufnummer, die mit „+“ beginnt, darf kein „*“ oder „#“ enthalten: Kennziffern werden ohne „+“ gewählt.',
    'error.number.invalid-feature-code-character':
      '{char} an Stelle {position} ist in einer Kennziffer nicht erlaubt: nur Ziffern, „*“ und „#“ verwenden.',
    'error.dial.not-a-number': '„{number}“ kann nicht gewählt werden: keine Rufnummer.',
    'error.dial.no-number-in-text': 'Keine Rufnummer in „{excerpt}“: nichts wurde gewählt.',
    'error.dial.line-cannot-dial': 'Auf dieser Leitung kann Ringdesk nicht wählen.',
    'error.dial.nothing-to-dial': 'Es gibt nichts zu wählen.',
    'error.call.not-in-journal': 'Dieser Anruf steht nicht mehr in der Anrufliste.',
    'error.popup.not-found': 'Dieses Popup gibt es nicht mehr.',
    'error.popup.no-such-contact': 'Dieser Kontakt wird im Popup nicht mehr angeboten.',
    'error.popup.action-not-offered': 'Diese Aktion wird für diesen Anruf nicht angeboten.',
    'error.popup.not-web-url':
      'Eine Adresse, die keine Webadresse (http oder https) ist, wird nicht geöffnet.',
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
    'error.line.not-connected':
      'Die Leitung ist gerade nicht verbunden: versuchen Sie es erneut, sobald sie wieder verbunden ist.',
    'error.line.not-dialable': 'Ihre Leitung kann {number} nicht wählen: prüfen Sie die Rufnummer.',
    'error.line.dial-failed':
      'Ihre Telefonanlage konnte den Anruf an {number} nicht aufbauen. Versuchen Sie es erneut; wenn es weiter scheitert, wenden Sie sich an Ihren Administrator.',
    'error.line.phone-timeout':
      'Ihr Telefon oder Ihre Telefonanlage hat auf die Wählanfrage nicht rechtzeitig geantwortet: prüfen Sie, ob das Gerät eingeschaltet und erreichbar ist, und versuchen Sie es erneut.',
    'error.line.phone-unreachable':
      'Ringdesk konnte Ihr Telefon oder Ihre Telefonanlage nicht erreichen: prüfen Sie, ob das Gerät eingeschaltet ist und ob seine Adresse (Adresse des Telefons oder Wähl-URL unter Einstellungen › Leitung) stimmt.',
    'error.line.phone-refused-login':
      'Ihr Telefon oder Ihre Telefonanlage hat die Anmeldung abgelehnt: prüfen Sie Benutzername und Passwort unter Einstellungen › Leitung.',
    'error.line.proxy-refused':
      'Der Proxy hat die Anmeldung abgelehnt: bitten Sie Ihre Administration, die Proxy-Einstellungen der Leitung zu prüfen.',
    'error.line.phone-error':
      'Ihr Telefon oder Ihre Telefonanlage hat das Wählen abgelehnt (HTTP-Status {status}): prüfen Sie die Felder unter „Wählen über“ in Einstellungen › Leitung.',
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * `info` in `language`'s words with its params filled in, or null when there is no entry for its
 * code or a placeholder lacks its param. The code and params may come over the network: the key
 * is checked with `Object.hasOwn`, and only the placeholders the entry names are read.
 */
export function errorWords(info: ErrorInfo, language: 'en' | 'de'): string | null {
  if (info.code === undefined) return null;
  const key = `error.${info.code}`;
  const words = ERROR_WORDS[language];
  if (!Object.hasOwn(words, key)) return null;
  const params = info.params ?? {};
  const entry = words[key as ErrorKey];
  for (const [, name = ''] of entry.matchAll(PLACEHOLDER)) if (!Object.hasOwn(params, name)) return null;
  return entry.replace(PLACEHOLDER, (_, name: string) => String(params[name]));
}
