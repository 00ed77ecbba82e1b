/**
 * Calls: how many the journal keeps, when to confirm before dialling, and the blocklist
 * (numbers whose calls are rejected where the line can, never popped up, logged as blocked).
 */
import { useState } from 'react';
import { useI18n } from '../app-context.js';
import { getAt, isObject } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { CALL_FIELDS } from './section-field-specs.js';
import { FieldProblems, Fields, fieldId } from './fields.js';
import { PhoneLinksPanel } from './links-panel.js';

export function CallsSection() {
  const { t } = useI18n();
  return (
    <section className="settings-section" aria-labelledby="calls-title">
      <h2 id="calls-title">{t('callSettings.title')}</h2>
      <Fields specs={CALL_FIELDS} base={[]} />
      <PhoneLinks />
      <Blocklist />
    </section>
  );
}

/** Who opens phone links now; checked again after each save (`links.sip` applies at once). */
function PhoneLinks() {
  const { t } = useI18n();
  const saved = useEditorState((state) => state.saved);
  return (
    <fieldset className="phone-links-settings">
      <legend>{t('links.title')}</legend>
      <PhoneLinksPanel refreshKey={saved} />
    </fieldset>
  );
}

function Blocklist() {
  const editor = useEditor();
  const { t } = useI18n();
  const list = useEditorState((state) => getAt(state.draft, ['blocklist']));
  const entries = Array.isArray(list) ? list : [];
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const add = () => {
    if (number.trim() === '') return;
    editor.edit(
      ['blocklist', entries.length],
      note.trim() === '' ? { number: number.trim() } : { number: number.trim(), note: note.trim() },
    );
    setNumber('');
    setNote('');
  };
  return (
    <fieldset className="blocklist">
      <legend>{t('blocklist.title')}</legend>
      <p className="field-help">{t('blocklist.intro')}</p>
      {entries.length === 0 ? <p className="muted">{t('blocklist.none')}</p> : null}
      <ul className="blocklist-entries">
        {entries.map((entry, index) => {
          const shown = isObject(entry) ? entry : {};
          const path = ['blocklist', index, 'number'];
          return (
            <li key={index}>
              <span className="blocked-number" id={fieldId(path)}>
                {typeof shown.number === 'string' ? shown.number : ''}
              </span>
              {typeof shown.note === 'string' ? <span className="muted"> · {shown.note}</span> : null}{' '}
              <button
                type="button"
                className="secondary danger"
                onClick={() => editor.edit(['blocklist', index], undefined)}
                aria-label={t('blocklist.remove', {
                  number: typeof shown.number === 'string' ? shown.number : '',
                })}
              >
                {t('directories.remove')}
              </button>
              <FieldProblems path={path} id={`${fieldId(path)}-problems`} />
            </li>
          );
        })}
      </ul>
      <div className="row">
        <label htmlFor="block-number" className="visually-hidden">
          {t('blocklist.number')}
        </label>
        <input
          id="block-number"
          type="tel"
          placeholder={t('blocklist.number')}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
        />
        <label htmlFor="block-note" className="visually-hidden">
          {t('blocklist.note')}
        </label>
        <input
          id="block-note"
          type="text"
          placeholder={t('blocklist.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="button" onClick={add}>
          {t('blocklist.add')}
        </button>
      </div>
    </fieldset>
  );
}
