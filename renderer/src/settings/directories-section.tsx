/**
 * The directories, in the order they are asked and merged (earlier ones win): each with its
 * fields, a "Test" (opens it, counts its contacts), up/down and remove; new ones from presets.
 */
import { useState } from 'react';
import { useI18n } from '../app-context.js';
import { getAt, hasProblemsUnder, type Json } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { DIRECTORY_FIELDS, DIRECTORY_PRESETS, directoryType } from './field-specs.js';
import { Fields } from './fields.js';
import { JsonEditor } from './json-editor.js';
import { TestVerdict } from './test-verdict.js';

export function DirectoriesSection() {
  const editor = useEditor();
  const { t } = useI18n();
  const list = useEditorState((state) => getAt(state.draft, ['directories']));
  const entries = Array.isArray(list) ? list : [];
  const version = useEditorState((state) => state.directoriesVersion);
  const [preset, setPreset] = useState<string>(DIRECTORY_PRESETS[0].id);
  const add = () => {
    const chosen = DIRECTORY_PRESETS.find((each) => each.id === preset);
    if (chosen !== undefined) editor.edit(['directories', entries.length], { ...chosen.entry });
  };
  return (
    <section className="settings-section" aria-labelledby="directories-title">
      <h2 id="directories-title">{t('directories.title')}</h2>
      <p className="section-intro">{t('directories.intro')}</p>
      {entries.length === 0 ? <p className="muted">{t('directories.none')}</p> : null}
      {entries.map((entry, index) => (
        // Position is the identity here (the order is the priority); a move or removal starts
        // every card afresh, so no field keeps another directory's state.
        <DirectoryCard key={`${version}-${index}`} entry={entry} index={index} count={entries.length} />
      ))}
      <div className="add-directory row">
        <label htmlFor="directory-preset">{t('directories.add')}</label>
        <select id="directory-preset" value={preset} onChange={(event) => setPreset(event.target.value)}>
          {DIRECTORY_PRESETS.map((each) => (
            <option key={each.id} value={each.id}>
              {t(each.label)}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          {t('directories.addButton')}
        </button>
      </div>
    </section>
  );
}

function entryTitle(entry: Json, fallback: string): string {
  const name = getAt(entry, ['name']);
  const path = getAt(entry, ['path']);
  if (typeof name === 'string' && name !== '') return name;
  if (typeof path === 'string' && path !== '') return path.split(/[\\/]/).pop() ?? path;
  return fallback;
}

function DirectoryCard({ entry, index, count }: { entry: Json; index: number; count: number }) {
  const editor = useEditor();
  const { t } = useI18n();
  const type = directoryType(entry);
  const test = useEditorState((state) => state.directoryTests[index]);
  const flagged = useEditorState((state) => hasProblemsUnder(state.problems, ['directories', index]));
  const kind = type === null ? t('directoryType.unknown') : t(`directoryType.${type}`);
  const preset = getAt(entry, ['preset']);
  const title = entryTitle(entry, kind);
  return (
    <fieldset
      className="directory-card"
      data-invalid={flagged}
      aria-label={t('directories.cardLabel', { title, kind })}
    >
      <legend>
        {title}{' '}
        <span className="muted">
          · {kind}
          {typeof preset === 'string' ? ` (${preset})` : ''}
        </span>
      </legend>
      {type === null ? null : <Fields specs={DIRECTORY_FIELDS[type]} base={['directories', index]} />}
      <div className="row">
        <button
          type="button"
          onClick={() => void editor.testDirectory(index)}
          disabled={test?.phase === 'running'}
        >
          {t('test.directory')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={index === 0}
          onClick={() => editor.moveDirectory(index, index - 1)}
          aria-label={t('directories.moveUp', { title })}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          disabled={index === count - 1}
          onClick={() => editor.moveDirectory(index, index + 1)}
          aria-label={t('directories.moveDown', { title })}
        >
          ↓
        </button>
        <button type="button" className="secondary danger" onClick={() => editor.removeDirectory(index)}>
          {t('directories.remove')}
        </button>
      </div>
      {test?.phase === 'running' ? (
        <p className="test-running" role="status">
          {t('test.running')}
        </p>
      ) : null}
      {test?.phase === 'failed' ? (
        <p className="test-verdict test-bad" role="alert">
          {test.error}
        </p>
      ) : null}
      {test?.phase === 'done' ? (
        'detail' in test.result ? (
          <TestVerdict
            ok={test.result.ok}
            okText={t('test.directoryOk')}
            checks={[
              { check: test.result.directory, ok: test.result.ok, detail: test.result.detail },
              ...test.result.warnings.map((warning) => ({
                check: t('test.warning'),
                ok: true,
                detail: warning,
              })),
            ]}
          />
        ) : (
          <p className="test-verdict test-bad" role="alert">
            {t('test.fixFields')}
          </p>
        )
      ) : null}
      <details className="advanced">
        <summary>{t('json.directorySummary')}</summary>
        <JsonEditor path={['directories', index]} rows={8} />
      </details>
    </fieldset>
  );
}
