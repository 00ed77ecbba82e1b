/**
 * The popup's one-click actions: which of the action templates (see shared/action-templates.ts)
 * a popup offers for a caller, with their labels and filled URLs.
 */
import {
  actionValues,
  ActionValueError,
  fillActionUrl,
  type ActionId,
  type ActionSubject,
  type ActionTemplates,
} from '../shared/action-templates.js';

/** An action the popup offers. */
export interface PopupAction {
  readonly id: ActionId;
  readonly label: string;
  readonly url: string;
}

const LABELS: Record<ActionId, string> = {
  'open-contact': 'Open contact',
  'new-ticket': 'New ticket',
  'new-contact': 'New contact',
};

/** The actions for a subject: open contact and new ticket need a contact; new contact is always there. */
export function popupActions(
  subject: ActionSubject,
  templates: ActionTemplates,
  labels: Readonly<Record<ActionId, string>> = LABELS,
): PopupAction[] {
  const values = actionValues(subject);
  const wanted: [ActionId, string | undefined][] =
    subject.contact === null
      ? [['new-contact', templates.newContact]]
      : [
          ['open-contact', templates.openContact],
          ['new-ticket', templates.newTicket],
          ['new-contact', templates.newContact],
        ];
  return wanted.flatMap(([id, template]) => {
    if (template === undefined) return [];
    try {
      return [{ id, label: labels[id], url: fillActionUrl(template, values) }];
    } catch (error) {
      if (error instanceof ActionValueError) return [];
      throw error;
    }
  });
}
