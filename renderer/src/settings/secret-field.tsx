/**
 * A secret (password, token): kept in the OS's secret store (typed here, sent as
 * `{"secret": ...}` and stored on save) or read from an environment variable. A stored secret is
 * never sent back to the form: the field says it is saved, and typing replaces it.
 */
import { useRef, useState } from 'react';
import { useI18n } from '../app-context.js';
import type { Json } from './document-path.js';
import { fromEnvName, secretState } from './field-values.js';

interface Common {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby'?: string;
}

export function SecretField({
  common,
  value,
  onChange,
}: {
  common: Common;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
}) {
  const { t } = useI18n();
  const state = secretState(value);
  const [mode, setMode] = useState<'store' | 'env'>(state.kind === 'env' ? 'env' : 'store');
  // What was there before the user typed: emptying the field brings it back.
  const before = useRef<Json | undefined>(state.kind === 'typed' ? undefined : value);
  const placeholder =
    state.kind === 'stored' ? t('secret.saved') : state.kind === 'plain' ? t('secret.inFile') : undefined;
  return (
    <div className="secret-field">
      <select
        aria-label={t('secret.where')}
        value={mode}
        onChange={(event) => {
          const next = event.target.value === 'env' ? 'env' : 'store';
          setMode(next);
          onChange(next === 'env' ? undefined : before.current);
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
            onChange(event.target.value === '' ? before.current : { secret: event.target.value })
          }
        />
      )}
    </div>
  );
}
