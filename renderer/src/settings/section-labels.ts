/** Which part of the settings a document path belongs to, for naming where a problem is. */
import type { SettingsKey } from '../i18n/settings-en.js';
import type { Path } from './document-path.js';

export const SECTION_LABELS: readonly { readonly label: SettingsKey; readonly paths: readonly Path[] }[] = [
  { label: 'section.line', paths: [['line'], ['recordLine']] },
  { label: 'section.actions', paths: [['actions']] },
  { label: 'section.directories', paths: [['directories'], ['lookup']] },
  { label: 'section.dialing', paths: [['dialingRules']] },
  { label: 'section.popup', paths: [['popup']] },
  { label: 'section.calls', paths: [['links'], ['journal'], ['blocklist']] },
  { label: 'section.app', paths: [['app']] },
];
