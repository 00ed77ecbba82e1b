/**
 * Builds the popup for a call: its number, the matching contacts, the template picked for the
 * situation rendered with every value escaped, and the action buttons with their URLs.
 */
import type { Contact } from '../contacts/contact.js';
import type { DirectoryFailure } from '../contacts/contact-lookup.js';
import type { ContactView, NumberView, PopupModel } from '../contract/models.js';
import { popupActions, type PopupAction } from '../popup/action-urls.js';
import type { ActionTemplates } from '../shared/action-templates.js';
import { templateData, templateFor, shownContact, type PopupSubject } from '../popup/popup-view.js';
import { presentationText } from '../contract/call-words.js';
import { POPUP_TEXT, type PopupLanguage, type PopupText } from '../popup/popup-text.js';
import type { TemplateStore } from '../popup/template-store.js';
import type { CallSnapshot } from '../telephony/call-session.js';

/** What a popup is made of, before rendering. */
export interface PopupState {
  readonly call: CallSnapshot;
  readonly number: NumberView;
  readonly lookup: 'pending' | 'done';
  readonly contacts: readonly Contact[];
  readonly selected: number | null;
  readonly failures: readonly DirectoryFailure[];
  /** The caller is on the blocklist: the call is logged, never shown. */
  readonly blocked?: boolean;
}

export interface PopupBuilderOptions {
  readonly templates: TemplateStore;
  /** Global action URLs, and per directory (by name) those that replace them. */
  readonly actions: ActionTemplates;
  readonly directoryActions: ReadonlyMap<string, ActionTemplates>;
  /** Offer "new ticket" and "new contact" on internal calls too (settings `actions.colleagues`). */
  readonly colleagueActions?: boolean;
  readonly countryCode: string;
  readonly formatTime: (epochMs: number) => string;
  /** The popup's words in the agent's language (default English), and which language that is. */
  readonly text?: PopupText;
  readonly language?: PopupLanguage;
  /** The country of an E.164 number, named in the popup's language (default: none). */
  readonly countryOf?: (e164: string) => string | null;
  /** The template for a known caller, instead of `contact-details` (a broken one falls back to it). */
  readonly contactTemplate?: string;
  readonly onWarning: (message: string) => void;
}

export class PopupBuilder {
  private readonly text: PopupText;

  constructor(private readonly options: PopupBuilderOptions) {
    this.text = options.text ?? POPUP_TEXT.en;
  }

  /** Renders the popup; a broken template or action URL is reported and left out, never fatal. */
  async build(state: PopupState, templateName?: string): Promise<PopupModel> {
    const subject = toSubject(state);
    const situation = templateFor(subject);
    const template =
      templateName ??
      (situation === 'contact-details' ? (this.options.contactTemplate ?? situation) : situation);
    const contact = shownContact(subject) as Contact | null;
    return {
      callId: state.call.callId,
      direction: state.call.direction,
      line: state.call.line,
      state: state.call.state,
      startedAt: state.call.startedAt,
      answeredAt: state.call.answeredAt,
      endedAt: state.call.endedAt,
      number: {
        ...state.number,
        display: presentationText(state.call.presentation, this.text) ?? state.number.display,
      },
      lookup: state.lookup,
      contacts: state.contacts.map(contactView),
      selected: state.selected,
      failures: [...state.failures],
      template,
      language: this.options.language ?? 'en',
      html: await this.render(template, subject),
      actions: this.actions(state, contact),
    };
  }

  private async render(template: string, subject: PopupSubject): Promise<string> {
    try {
      return (await this.options.templates.get(template)).render(
        templateData(subject, this.options.formatTime, this.text, this.options.countryOf),
      );
    } catch (error) {
      this.options.onWarning(`popup template: ${error instanceof Error ? error.message : String(error)}`);
      // A chosen template that is gone or broken must not leave the agent without a popup.
      const fallback = templateFor(subject);
      return fallback === template ? '' : this.render(fallback, subject);
    }
  }

  private actions(state: PopupState, contact: Contact | null): PopupAction[] {
    // A choice among several contacts: nothing to act on until the agent picks one.
    if (contact === null && state.contacts.length > 0) return [];
    const templates =
      contact === null
        ? this.options.actions
        : (this.options.directoryActions.get(contact.directory) ?? this.options.actions);
    try {
      return popupActions(
        {
          contact:
            contact === null
              ? null
              : {
                  id: contact.id,
                  name: contact.name,
                  company: contact.company,
                  email: contact.email,
                  directory: contact.directory,
                },
          number: {
            raw: state.number.raw,
            e164: state.number.e164,
            display: state.number.display,
            countryCode: this.options.countryCode,
          },
          callId: state.call.callId,
        },
        templates,
        {
          'open-contact': this.text.openContact,
          'new-ticket': this.text.newTicket,
          'new-contact': this.text.newContact,
        },
        { internal: state.number.kind === 'internal', colleagues: this.options.colleagueActions === true },
      );
    } catch (error) {
      this.options.onWarning(`popup actions: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}

function toSubject(state: PopupState): PopupSubject {
  return {
    call: { ...state.call },
    number: state.number,
    contacts: state.contacts,
    selected: state.selected,
    failures: state.failures,
  };
}

/** A contact as faces receive it (popups, dial confirmations). */
export function contactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    company: contact.company,
    email: contact.email,
    department: contact.department,
    title: contact.title,
    directory: contact.directory,
    ...(contact.sources === undefined ? {} : { sources: [...contact.sources] }),
    phones: contact.phones.map(({ type, raw, e164 }) => ({ type, raw, e164 })),
  };
}
