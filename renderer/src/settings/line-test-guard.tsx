/**
 * Saving settings whose line test failed asks first (the wizard's Finish and the settings' Save):
 * a failed test is one that ran on the line as it is now (an edit of the line clears it) and did
 * not pass. Nothing is saved until the agent says "Save anyway"; "Keep editing" saves nothing.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../app-context.js';
import { useEditorState } from './editor-context.js';
import './line-test-guard.css';
import type { EditorState } from './settings-editor.js';

/** The last line test, on the line as it is now, failed. */
export function lineTestFailed(test: EditorState['lineTest']): boolean {
  if (test.phase === 'failed') return true;
  if (test.phase !== 'done') return false;
  return !('checks' in test.result) || !test.result.ok;
}

/** `save` guarded: call `request`; show `prompt` where the question should appear. */
export function useLineTestGuard(save: () => Promise<void>): { request: () => void; prompt: ReactNode } {
  const { t } = useI18n();
  const failed = useEditorState((state) => lineTestFailed(state.lineTest));
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  const request = () => {
    if (failed) setAsking(true);
    else void save();
  };
  const prompt =
    asking && failed ? (
      <div className="save-guard" role="alertdialog" aria-labelledby="save-guard-text">
        <p id="save-guard-text">{t('settings.lineTestFailed')}</p>
        <button ref={keep} type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('settings.keepEditing')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setAsking(false);
            void save();
          }}
        >
          {t('settings.saveAnyway')}
        </button>
      </div>
    ) : null;
  return { request, prompt };
}
