/**
 * The settings window: one tab per part, Save and Revert, and the Companion's verdict. A save
 * it refuses keeps the draft, marks the tabs with problems, opens the first of them and lists
 * every problem; nothing reaches the file until every problem is fixed.
 */
import { useState } from 'react';
import { useI18n } from '../app-context.js';
import { hasProblemsUnder } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { BackToCalls } from './back-to-calls.js';
import { ProblemList } from './problem-list.js';
import { useLineTestGuard } from './line-test-guard.js';
import { SECTIONS, type SectionId } from './sections.js';
import { SiteNote } from './site-note.js';

export function SettingsView({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const { t } = useI18n();
  const [tab, setTab] = useState<SectionId>('line');
  const problems = useEditorState((state) => state.problems);
  const saveRefused = useEditorState((state) => state.saveRefused);
  const fileProblems = useEditorState((state) => state.fileProblems);
  const phase = useEditorState((state) => state.phase);
  const dirty = useEditorState((state) => JSON.stringify(state.draft) !== JSON.stringify(state.saved));
  const justSaved = useEditorState((state) => state.justSaved);
  const error = useEditorState((state) => state.error);
  const current = SECTIONS.find((section) => section.id === tab) ?? SECTIONS[0];
  const save = async () => {
    if (await editor.save()) return;
    const failing = SECTIONS.find((section) =>
      section.paths.some((path) => hasProblemsUnder(editor.store.getState().problems, path)),
    );
    if (failing !== undefined) setTab(failing.id);
  };
  const guard = useLineTestGuard(save);
  return (
    <div className="settings">
      <BackToCalls onClose={onClose} />
      <h1>{t('settings.title')}</h1>
      <SiteNote />
      <div className="tabs" role="tablist" aria-label={t('settings.title')}>
        {SECTIONS.map((section) => {
          const flagged = section.paths.some((path) => hasProblemsUnder(problems, path));
          return (
            <button
              key={section.id}
              type="button"
              role="tab"
              id={`tab-${section.id}`}
              aria-selected={section.id === tab}
              aria-controls="settings-panel"
              data-invalid={flagged}
              onClick={() => setTab(section.id)}
            >
              {t(section.label)}
              {flagged ? (
                <span className="tab-flag" aria-label={t('settings.hasProblems')}>
                  {' '}
                  !
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="settings-panel" aria-labelledby={`tab-${current.id}`}>
        {/* Nothing can be typed while a save runs: what is saved is what the window shows. */}
        <fieldset className="plain" disabled={phase === 'saving'}>
          <current.Component />
        </fieldset>
      </div>
      <footer className="settings-actions">
        {saveRefused || fileProblems ? (
          <ProblemList
            problems={problems}
            title={saveRefused ? 'settings.notSaved' : 'settings.fileProblems'}
          />
        ) : null}
        {error === null ? null : (
          <p className="test-verdict test-bad" role="alert">
            {error}
          </p>
        )}
        <p className="save-state" role="status">
          {phase === 'saving'
            ? t('settings.saving')
            : justSaved
              ? t('settings.saved')
              : dirty
                ? t('settings.unsaved')
                : ''}
        </p>
        <button
          type="button"
          className="secondary"
          disabled={!dirty || phase === 'saving'}
          onClick={() => editor.revert()}
        >
          {t('settings.revert')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!dirty || phase === 'saving'}
          onClick={guard.request}
        >
          {t('settings.save')}
        </button>
        {guard.prompt}
      </footer>
    </div>
  );
}
