/**
 * A secret (password, token): kept in the OS's secret store (typed here, sent as
 * `{"secret": ...}` and stored on save) or read from an environment variable. A stored secret is
 * never sent back to the form: the field says it is saved, and typing replaces it; emptying the
 * field again keeps the saved one.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app-context.js';
import { getAt, type Json, type Path } from './document-path.js';
import { useEditorState } from './editor-context.js';
import { fromEnvName, secretState } from './field-values.js';

interface Common {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby'?: string;
  readonly disabled?: boolean;
}

/** A value that stands for a secret kept elsewhere (stored, or written in the file). */
function isKept(value: Json | undefined): boolean {
  const kind = secretState(value).kind;
  return kind === 'stored' || kind === 'plain';
}

export function SecretField({
  common,
  path,
  value,
  onChange,
}: {
  common: Common;
  path: Path;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
}) {
  const { t } = useI18n();
  const state = secretState(value);
  const saved = useEditorState((editor) => getAt(editor.saved, path));
  // The secret kept before the user typed or switched: what emptying the field brings back. A
  // field that opens on a typed value (a tab was switched) takes it from the saved settings.
  const kept = useRef<Json | undefined>(isKept(value) ? value : isKept(saved) ? saved : undefined);
  if (isKept(value)) kept.current = value;
  const [chosen, setChosen] = useState<'store' | 'env' | null>(null);
  useEffect(() => {
    // A value set elsewhere (saved, reverted, edited as JSON) decides the mode again.
    if (state.kind !== 'empty') setChosen(null);
  }, [state.kind]);
  const mode = chosen ?? (state.kind === 'env' ? 'env' : 'store');
  const placeholder =
    state.kind === 'stored' ? t('secret.saved') : state.kind === 'plain' ? t('secret.inFile') : undefined;
  return (
    <div className="secret-field">
      <select
        aria-label={t('secret.where')}
        value={mode}
        onChange={(event) => {
          const next = event.target.value === 'env' ? 'env' : 'store';
          setChosen(next);
          onChange(next === 'env' ? undefined : kept.current);
        }}
      >
        <option value="store">{t('secret.modeStore')}</option>
        <option value="env">{t('secret.modeEnv')}</option>
      </select>
      {mode === 'env' ? (
        <input
          {...common}
          type="text"
          spellCheck={false}
          placeholder={t('secret.envPlaceholder')}
          value={state.kind === 'env' ? state.name : ''}
          onChange={(event) => onChange(fromEnvName(event.target.value))}
        />
      ) : (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          placeholder={placeholder}
          value={state.kind === 'typed' ? state.text : ''}
          onChange={(event) =>
            onChange(event.target.value === '' ? kept.current : { secret: event.target.value })
          }
        />
      )}
    </div>
  );
}
