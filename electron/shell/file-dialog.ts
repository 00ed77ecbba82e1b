/**
 * The desktop face's file picker for settings fields that name a file (an address book): the
 * OS's own open dialog, over the settings window, titled and filtered in the UI's language.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { FileKind } from '../contract/channels.js';
import { SHELL_TEXT, type ShellLanguage } from './shell-text.js';

const EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  csv: ['csv', 'txt'],
  vcard: ['vcf', 'vcard'],
};

/** Asks for a file of `kind`; resolves with its path, or null when the user cancels. */
export async function pickFileWithDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: BrowserWindow | null,
  kind: FileKind,
  language: ShellLanguage,
): Promise<string | null> {
  const text = SHELL_TEXT[language];
  const options = {
    title: kind === 'csv' ? text.chooseCsv : text.chooseVcard,
    properties: ['openFile' as const],
    filters: [{ name: kind === 'csv' ? text.csvFiles : text.vcardFiles, extensions: [...EXTENSIONS[kind]] }],
  };
  const result =
    parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
