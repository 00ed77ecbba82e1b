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

/**
 * Which actions a call gets. MUST: "new contact" only for an unknown caller (a known one has
 * "open contact" and "new ticket"); a colleague (an internal call) gets neither "new ticket" nor
 * "new contact" unless `colleagues` is set, since colleagues are not the helpdesk's customers.
 */
export interface ActionPolicy {
  /** The call is internal (a colleague's extension). */
  readonly internal: boolean;
  /** Offer "new ticket" and "new contact" on internal calls too (settings `actions.colleagues`). */
  readonly colleagues: boolean;
}

const LABELS: Record<ActionId, string> = {
  'open-contact': 'Open contact',
  'new-ticket': 'New ticket',
  'new-contact': 'New contact',
};

/**
 * The actions for a subject: a known caller gets "open contact" and "new ticket", an unknown one
 * "new contact" (see ActionPolicy for colleagues). Actions without a template are left out.
 */
export function popupActions(
  subject: ActionSubject,
  templates: ActionTemplates,
  labels: Readonly<Record<ActionId, string>> = LABELS,
  policy: ActionPolicy = { internal: false, colleagues: false },
): PopupAction[] {
  const values = actionValues(subject);
  const customerActions = !policy.internal || policy.colleagues;
  const wanted: [ActionId, string | undefined][] = [];
  if (subject.contact !== null) wanted.push(['open-contact', templates.openContact]);
  if (subject.contact !== null && customerActions) wanted.push(['new-ticket', templates.newTicket]);
  if (subject.contact === null && customerActions) wanted.push(['new-contact', templates.newContact]);
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
