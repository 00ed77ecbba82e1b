/**
 * The line's words every face shares (the windows' catalogue and the desktop tray): the product
 * names, where the line goes, and each problem in plain words, in English and German. `{where}`
 * is `where.at` or `where.plain` filled in; `{target}` the place (`pbx:5038`).
 */
export const LINE_WORDS = {
  en: {
    'product.simulator': 'Simulator',
    'product.asterisk': 'Asterisk',
    'product.tapi': 'Windows TAPI',
    'product.zammad': 'Zammad webhook',
    'product.kix': 'KIX webhook',
    'product.desk-phone': 'desk phone Action URLs',
    'product.webhooks': 'PBX webhooks',
    'where.at': '{product} at {target}',
    'where.plain': '{product}',
    'lineProblem.refused': '{where} refuses the connection.',
    'lineProblem.not-found': '{where} cannot be found: check the host name.',
    'lineProblem.unreachable': '{where} cannot be reached on the network.',
    'lineProblem.timeout': '{where} does not answer.',
    'lineProblem.auth': '{where} refuses the login: check the user name and secret.',
    'lineProblem.secret-missing': 'The secret for {where} is missing: enter it in the settings.',
    'lineProblem.not-ami': '{where} does not answer as an Asterisk Manager Interface: check the port.',
    'lineProblem.tls': 'The secure connection to {where} fails: check its certificate.',
    'lineProblem.lost': 'The connection to {where} was lost.',
    'lineProblem.bridge-missing': 'The Windows TAPI bridge cannot be started: reinstall Ringdesk.',
    'lineProblem.bridge-exited': 'The Windows TAPI bridge has stopped.',
    'lineProblem.address-in-use': 'Ringdesk cannot listen on {target}: another program uses that port.',
    'lineProblem.cannot-listen': 'Ringdesk cannot listen on {target}.',
    'lineProblem.line-ambiguous':
      'Several phones on {where} answer to your line: choose yours in the settings.',
    'lineProblem.other': '{where} is not connected.',
    'lineProblem.connecting': 'Connecting to {where}…',
  },
  de: {
    'product.simulator': 'Simulator',
    'product.asterisk': 'Asterisk',
    'product.tapi': 'Windows TAPI',
    'product.zammad': 'Zammad-Webhook',
    'product.kix': 'KIX-Webhook',
    'product.desk-phone': 'Tischtelefon-Aktions-URLs',
    'product.webhooks': 'TK-Anlagen-Webhooks',
    'where.at': '{product} unter {target}',
    'where.plain': '{product}',
    'lineProblem.refused': '{where} lehnt die Verbindung ab.',
    'lineProblem.not-found': '{where} ist nicht zu finden: Rechnernamen prüfen.',
    'lineProblem.unreachable': '{where} ist im Netz nicht erreichbar.',
    'lineProblem.timeout': '{where} antwortet nicht.',
    'lineProblem.auth': '{where} lehnt die Anmeldung ab: Benutzernamen und Kennwort prüfen.',
    'lineProblem.secret-missing': 'Das Kennwort für {where} fehlt: bitte in den Einstellungen eintragen.',
    'lineProblem.not-ami': '{where} antwortet nicht als Asterisk-Manager-Schnittstelle: Port prüfen.',
    'lineProblem.tls': 'Die sichere Verbindung zu {where} scheitert: Zertifikat prüfen.',
    'lineProblem.lost': 'Die Verbindung zu {where} ist abgebrochen.',
    'lineProblem.bridge-missing': 'Die Windows-TAPI-Brücke startet nicht: Ringdesk neu installieren.',
    'lineProblem.bridge-exited': 'Die Windows-TAPI-Brücke wurde beendet.',
    'lineProblem.address-in-use':
      'Ringdesk kann nicht auf {target} lauschen: ein anderes Programm belegt den Port.',
    'lineProblem.cannot-listen': 'Ringdesk kann nicht auf {target} lauschen.',
    'lineProblem.line-ambiguous':
      'Auf {where} melden sich mehrere Telefone für Ihre Leitung: bitte Ihres in den Einstellungen wählen.',
    'lineProblem.other': '{where} ist nicht verbunden.',
    'lineProblem.connecting': 'Verbinde mit {where} …',
  },
} as const;

/** The keys both languages have. */
export type LineWordKey = keyof (typeof LINE_WORDS)['en'];
