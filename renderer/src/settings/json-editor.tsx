/**
 * The JSON of one part of the settings (a line, a directory, or the whole document), for what
 * the form has no field for. "Apply" puts valid JSON into the draft; the Companion checks it on
 * save like everything else. Saved secrets appear as references (`{"stored": ...}`), typed ones
 * masked (see secret-mask.ts): never in clear.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../app-context.js';
import { getAt, type Json, type Path } from './document-path.js';
import { fieldId } from './fields.js';
import { useEditor, useEditorState } from './editor-context.js';
import { maskTyped, unmaskTyped } from './secret-mask.js';

function pretty(value: Json | undefined): string {
  return JSON.stringify(maskTyped(value) ?? {}, null, 2);
}

export function JsonEditor({ path, rows = 12 }: { path: Path; rows?: number }) {
  const editor = useEditor();
  const { t } = useI18n();
  const value = useEditorState((state) => getAt(state.draft, path));
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = pretty(value);
  useEffect(() => {
    // The form (or a save, or Revert) changed the value: unapplied JSON text would undo that.
    setText(null);
    setError(null);
  }, [shown]);
  const id = `${fieldId(path)}-json`;
  const apply = () => {
    if (text === null) return;
    try {
      editor.edit(path, unmaskTyped(JSON.parse(text) as Json, value));
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
        value={text ?? shown}
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
