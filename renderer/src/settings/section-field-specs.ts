/**
 * The fields of the settings window's own sections, beside the line and the directories
 * (field-specs.ts): the dialing rules, the popup's action URLs, the popup window, calls and the
 * journal, the app itself. Each list is what its section shows, in order; what a field's kind
 * means is {@link FieldSpec}. Validation is the Companion's, as for every field.
 */
import type { FieldSpec } from './field-specs.js';

/**
 * The dialing rules' fields after the country (chosen by name, see dialing-section.tsx);
 * placeholders show what applies when a field is left empty.
 */
export const DIALING_FIELDS: readonly FieldSpec[] = [
  { path: ['areaCode'], label: 'field.areaCode', help: 'help.areaCode', kind: 'text' },
  { path: ['baseNumber'], label: 'field.baseNumber', help: 'help.baseNumber', kind: 'text' },
  {
    path: ['extensionMaxLength'],
    label: 'field.extensionMaxLength',
    help: 'help.extensionMaxLength',
    kind: 'number',
  },
  {
    path: ['outsideLineAccess'],
    label: 'field.outsideLineAccess',
    help: 'help.outsideLineAccess',
    kind: 'text',
  },
  { path: ['trunkPrefix'], label: 'field.trunkPrefix', kind: 'text' },
  { path: ['internationalPrefix'], label: 'field.internationalPrefix', kind: 'text' },
  {
    path: ['localFormat'],
    label: 'field.localFormat',
    help: 'help.localFormat',
    kind: 'select',
    unset: 'option.localFormatDefault',
    options: [
      { value: 'subscriber', label: 'option.subscriber' },
      { value: 'area', label: 'option.area' },
      { value: 'trunk-area', label: 'option.trunkArea' },
    ],
  },
  {
    path: ['incomingFilters'],
    label: 'field.incomingFilters',
    help: 'help.incomingFilters',
    kind: 'lines',
    placeholder: '@(\\d+)$',
  },
];

/** The popup's action URLs (global, or a directory's own). */
export const ACTION_FIELDS: readonly FieldSpec[] = [
  { path: ['openContact'], label: 'field.openContact', help: 'help.actionUrl', kind: 'text' },
  { path: ['newTicket'], label: 'field.newTicket', help: 'help.actionUrl', kind: 'text' },
  { path: ['newContact'], label: 'field.newContact', help: 'help.newContactUrl', kind: 'text' },
];

/** The popup window's place and when it closes. */
export const POPUP_FIELDS: readonly FieldSpec[] = [
  {
    path: ['corner'],
    label: 'field.corner',
    kind: 'select',
    unset: 'option.bottomRight',
    options: [
      { value: 'top-left', label: 'option.topLeft' },
      { value: 'top-right', label: 'option.topRight' },
      { value: 'bottom-left', label: 'option.bottomLeft' },
    ],
  },
  {
    path: ['autoCloseSeconds'],
    label: 'field.autoClose',
    help: 'help.autoClose',
    kind: 'number',
    placeholder: '10',
  },
];

/** Confirming dials, the journal's size. */
export const CALL_FIELDS: readonly FieldSpec[] = [
  {
    path: ['links', 'confirm'],
    label: 'field.confirmLinks',
    help: 'help.confirmLinks',
    kind: 'checkbox',
    defaultValue: true,
  },
  {
    path: ['links', 'confirmCallbacks'],
    label: 'field.confirmCallbacks',
    kind: 'checkbox',
    defaultValue: false,
  },
  {
    path: ['links', 'sip'],
    label: 'field.sipLinks',
    help: 'help.sipLinks',
    kind: 'checkbox',
    defaultValue: false,
  },
  {
    path: ['journal', 'retention'],
    label: 'field.retention',
    help: 'help.retention',
    kind: 'number',
    placeholder: '300',
  },
  {
    path: ['journal', 'ringTimeoutSeconds'],
    label: 'field.ringTimeout',
    help: 'help.ringTimeout',
    kind: 'number',
    placeholder: '180',
  },
];

/** The app itself. */
export const APP_FIELDS: readonly FieldSpec[] = [
  {
    path: ['language'],
    label: 'field.language',
    kind: 'select',
    unset: 'option.languageAuto',
    options: [
      { value: 'en', label: 'option.english' },
      { value: 'de', label: 'option.german' },
    ],
  },
  { path: ['startAtLogin'], label: 'field.startAtLogin', kind: 'checkbox', defaultValue: false },
  {
    path: ['updateFeedUrl'],
    label: 'field.updateFeedUrl',
    help: 'help.updateFeedUrl',
    kind: 'text',
    placeholder: 'https://updates.example.com/ringdesk/',
  },
  // The desktop app's global shortcuts (the defaults are settings-schema.ts's).
  {
    path: ['shortcuts', 'focusPopup'],
    label: 'field.shortcutFocusPopup',
    help: 'help.shortcutFocusPopup',
    kind: 'shortcut',
    defaultValue: 'CommandOrControl+Alt+P',
  },
  {
    path: ['shortcuts', 'dialSelection'],
    label: 'field.shortcutDialSelection',
    help: 'help.shortcutDialSelection',
    kind: 'shortcut',
    defaultValue: 'CommandOrControl+Alt+D',
  },
];
