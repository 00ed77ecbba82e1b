/**
 * The words the headless host itself shows a person (outside the renderer's catalogues): the
 * page a browser gets without the key, and the page that hands the key over. English and German,
 * chosen by the browser's `Accept-Language`.
 */

export const HOST_TEXT = {
  en: {
    keyNeededTitle: 'Ringdesk needs its key',
    keyNeeded:
      'Open the address that "ringdesk serve" printed: it ends in ?key=…. Run "ringdesk serve" again to see it. Only the user who started Ringdesk can read the key.',
    keyAcceptedTitle: 'Ringdesk',
    keyAccepted: 'Opening Ringdesk…',
  },
  de: {
    keyNeededTitle: 'Ringdesk braucht seinen Schlüssel',
    keyNeeded:
      'Öffnen Sie die Adresse, die „ringdesk serve“ ausgegeben hat: Sie endet auf ?key=…. Starten Sie „ringdesk serve“ erneut, um sie zu sehen. Nur der Benutzer, der Ringdesk gestartet hat, kann den Schlüssel lesen.',
    keyAcceptedTitle: 'Ringdesk',
    keyAccepted: 'Ringdesk wird geöffnet…',
  },
} as const satisfies Record<string, Record<string, string>>;

export type HostLanguage = keyof typeof HOST_TEXT;

/** German when the browser prefers it (`Accept-Language: de-DE,…`), else English. */
export function hostLanguage(acceptLanguage: string | undefined): HostLanguage {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('de') ? 'de' : 'en';
}
