/**
 * The JSON of one part of the settings (a line, a directory, or the whole document), for what
 * the form has no field for. "Apply" puts valid JSON into the draft; the Companion checks it on
 * save like everything else. Secrets appear as references (`{"stored": ...}`), never in clear.
 */
import { useState } from 'react';
import { useI18n } from '../app-context.js';
import { getAt, type Json, type Path } from './document-path.js';
import { fieldId } from './fields.js';
import { useEditor, useEditorState } from './editor-context.js';

function pretty(value: Json | undefined): string {
  return JSON.stringify(value ?? {}, null, 2);
}

export function JsonEditor({ path, rows = 12 }: { path: Path; rows?: number }) {
  const editor = useEditor();
  const { t } = useI18n();
  const value = useEditorState((state) => getAt(state.draft, path));
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `${fieldId(path)}-json`;
  const apply = () => {
    if (text === null) return;
    try {
      editor.edit(path, JSON.parse(text) as Json);
      setText(null);
      setError(null);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };
  return (
    <div className="json-editor">
      <label htmlFor={id}>{t('json.label')}</label>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        value={text ?? pretty(value)}
        aria-invalid={error !== null}
        onChange={(event) => setText(event.target.value)}
      />
      {error === null ? null : (
        <p className="field-problems" role="alert">
          {t('json.invalid', { error })}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={apply} disabled={text === null}>
          {t('json.apply')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={text === null}
          onClick={() => {
            setText(null);
            setError(null);
          }}
        >
          {t('json.discard')}
        </button>
      </div>
    </div>
  );
}
