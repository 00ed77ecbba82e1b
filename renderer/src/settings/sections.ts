/** The parts of the settings, in the order the settings window's tabs and the wizard's steps show them. */
import type { ComponentType } from 'react';
import type { SettingsKey } from '../i18n/settings-en.js';
import { ActionsSection } from './actions-section.js';
import { AppSection } from './app-section.js';
import { CallsSection } from './calls-section.js';
import { DialingSection } from './dialing-section.js';
import { DirectoriesSection } from './directories-section.js';
import type { Path } from './document-path.js';
import { LineSection } from './line-section.js';
import { PopupSection } from './popup-section.js';

export type SectionId = 'line' | 'directories' | 'actions' | 'dialing' | 'popup' | 'calls' | 'app';

export interface Section {
  readonly id: SectionId;
  readonly label: SettingsKey;
  /** The parts of the document it edits: a problem under one of them belongs to this section. */
  readonly paths: readonly Path[];
  readonly Component: ComponentType;
}

export const SECTIONS: readonly [Section, ...Section[]] = [
  { id: 'line', label: 'section.line', paths: [['line'], ['recordLine']], Component: LineSection },
  {
    id: 'directories',
    label: 'section.directories',
    paths: [['directories'], ['lookup']],
    Component: DirectoriesSection,
  },
  { id: 'actions', label: 'section.actions', paths: [['actions']], Component: ActionsSection },
  { id: 'dialing', label: 'section.dialing', paths: [['dialingRules']], Component: DialingSection },
  { id: 'popup', label: 'section.popup', paths: [['popup']], Component: PopupSection },
  {
    id: 'calls',
    label: 'section.calls',
    paths: [['links'], ['journal'], ['blocklist']],
    Component: CallsSection,
  },
  { id: 'app', label: 'section.app', paths: [['app']], Component: AppSection },
];
