/**
 * The popup: the template that shows a known caller, previewed live against a sample contact;
 * where the desktop app puts the popup, and when it closes by itself.
 */
import { useEffect, useState } from 'react';
import { useI18n, useServices } from '../app-context.js';
import { getAt } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { POPUP_FIELDS } from './section-field-specs.js';
import { Fields } from './fields.js';

/** Templates Ringdesk picks by situation; the others can show a known caller. */
const SITUATION_TEMPLATES = new Set(['contact-list', 'unknown-caller', 'missed-call']);

export function PopupSection() {
  const editor = useEditor();
  const { t, language } = useI18n();
  const templates = useEditorState((state) => state.templates);
  const chosen = useEditorState((state) => getAt(state.draft, ['popup', 'contactTemplate']));
  const template = typeof chosen === 'string' ? chosen : 'contact-details';
  const choices = templates.filter((name) => !SITUATION_TEMPLATES.has(name));
  const { html, error } = usePopupPreview(template);

  const label = (name: string) =>
    name === 'contact-details'
      ? t('template.contactDetails')
      : name === 'contact-compact'
        ? t('template.contactCompact')
        : name;
  return (
    <section className="settings-section" aria-labelledby="popup-title">
      <h2 id="popup-title">{t('popupSettings.title')}</h2>
      <p className="section-intro">{t('popupSettings.intro')}</p>
      <div className="field">
        <label htmlFor="popup-template">{t('field.contactTemplate')}</label>
        <select
          id="popup-template"
          value={template}
          onChange={(event) =>
            editor.edit(
              ['popup', 'contactTemplate'],
              event.target.value === 'contact-details' ? undefined : event.target.value,
            )
          }
        >
          {(choices.includes(template) ? choices : [...choices, template]).map((name) => (
            <option key={name} value={name}>
              {label(name)}
            </option>
          ))}
        </select>
      </div>
      <figure className="popup-preview">
        <figcaption>
          {t('popupSettings.preview')} · {t('popupSettings.rulesNote')}
        </figcaption>
        {error !== null ? (
          <p className="test-verdict test-bad" role="alert">
            {error}
          </p>
        ) : html === '' ? (
          <p className="test-verdict test-bad" role="alert">
            {t('popupSettings.templateBroken')}
          </p>
        ) : (
          // The Companion renders templates with every value escaped and no script (see templates/README.md).
          <div
            className="popup popup-body"
            lang={language}
            data-testid="popup-preview"
            dangerouslySetInnerHTML={{ __html: html ?? '' }}
          />
        )}
      </figure>
      <Fields specs={POPUP_FIELDS} base={['popup']} />
    </section>
  );
}

/**
 * The popup `template` rendered by the Companion for a sample caller, again whenever the template
 * or the dialing rules being edited change; `html` null until the first answer, `error` the
 * Companion's refusal in words.
 */
function usePopupPreview(template: string): { html: string | null; error: string | null } {
  const { bridge } = useServices();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The sample caller's number is shown with the dialing rules just entered, not the saved ones.
  const rules = JSON.stringify(useEditorState((state) => getAt(state.draft, ['dialingRules'])) ?? {});

  useEffect(() => {
    let current = true;
    bridge.invoke('previewPopup', { template, rules: JSON.parse(rules) as unknown }).then(
      (result) => {
        if (!current) return;
        setHtml(result.html);
        setError(null);
      },
      (problem: unknown) => {
        if (current) setError(problem instanceof Error ? problem.message : String(problem));
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, template, rules]);
  return { html, error };
}
