/**
 * The contract's commands, carried out by the Companion. Faces validate a command with
 * `parseCommand` and hand it here; this is the only place that maps command names to Companion
 * methods.
 */
import type { CompanionApi } from '../contract/channels.js';
import type { ParsedCommand } from '../contract/parse-command.js';
import type { Companion } from './companion.js';

/** One function per command. */
export function companionApi(companion: Companion): CompanionApi {
  return {
    getSnapshot: () => Promise.resolve(companion.snapshot()),
    dial: ({ number }) => companion.dial(number),
    dialLink: ({ uri }) => companion.dialLink(uri),
    callback: ({ journalId }) => companion.callback(journalId),
    markHandled: ({ journalId }) => companion.markHandled(journalId),
    exportJournal: () => Promise.resolve(companion.exportJournal()),
    selectContact: ({ callId, index }) => companion.selectContact(callId, index),
    chooseAgain: ({ callId }) => companion.chooseAgain(callId),
    dismissPopup: ({ callId }) => {
      companion.dismissPopup(callId);
      return Promise.resolve({});
    },
    openAction: ({ callId, action }) => {
      try {
        return Promise.resolve({ url: companion.actionUrl(callId, action) });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** Runs a validated command. */
export function runCommand(api: CompanionApi, command: ParsedCommand): Promise<unknown> {
  // Each branch narrows `command` so the handler gets exactly its arguments' type.
  switch (command.channel) {
    case 'getSnapshot':
      return api.getSnapshot(command.args);
    case 'dial':
      return api.dial(command.args);
    case 'dialLink':
      return api.dialLink(command.args);
    case 'callback':
      return api.callback(command.args);
    case 'markHandled':
      return api.markHandled(command.args);
    case 'exportJournal':
      return api.exportJournal(command.args);
    case 'selectContact':
      return api.selectContact(command.args);
    case 'chooseAgain':
      return api.chooseAgain(command.args);
    case 'dismissPopup':
      return api.dismissPopup(command.args);
    case 'openAction':
      return api.openAction(command.args);
  }
}
