/**
 * The settings window's content (`#settings`) and the first-run wizard (`#wizard`): one editor
 * per window, loaded when the connection to the Companion opens.
 */
import { useEffect, useMemo } from 'react';
import { useI18n, useServices, useView } from '../app-context.js';
import { EditorContext, useEditorState } from './editor-context.js';
import { createSettingsEditor } from './settings-editor.js';
import { BackToCalls } from './back-to-calls.js';
import { SettingsView } from './settings-view.js';
import { WizardView } from './wizard-view.js';
import './settings.css';

export function SettingsApp({ mode, onClose }: { mode: 'settings' | 'wizard'; onClose: () => void }) {
  const { bridge } = useServices();
  const editor = useMemo(() => createSettingsEditor(bridge), [bridge]);
  const connection = useView((state) => state.connection);
  useEffect(() => {
    // Load once; a reconnect must not throw away what the user is typing.
    const { phase } = editor.store.getState();
    if (connection === 'open' && (phase === 'loading' || phase === 'failed')) void editor.load();
  }, [editor, connection]);
  return (
    <EditorContext value={editor}>
      <Loaded mode={mode} onClose={onClose} />
    </EditorContext>
  );
}

function Loaded({ mode, onClose }: { mode: 'settings' | 'wizard'; onClose: () => void }) {
  const { t } = useI18n();
  const phase = useEditorState((state) => state.phase);
  const error = useEditorState((state) => state.error);
  const readOnly = useEditorState((state) => state.readOnly);
  if (phase === 'loading' || phase === 'failed' || readOnly)
    return (
      <div className="settings">
        <BackToCalls onClose={onClose} />
        <h1>{t(readOnly ? 'settings.readOnlyTitle' : 'settings.title')}</h1>
        {phase === 'loading' ? <p role="status">{t('settings.loading')}</p> : null}
        {phase === 'failed' ? (
          <p className="test-verdict test-bad" role="alert">
            {t('settings.cannotLoad', { error: error ?? '' })}
          </p>
        ) : null}
        {readOnly ? (
          <p className="read-only-note">
            {t('settings.readOnly')
              .split(/(\{command\}|\{flag\})/)
              .map((part, index) =>
                part === '{command}' ? (
                  <code key={index} className="nowrap">
                    npx ringdesk serve
                  </code>
                ) : part === '{flag}' ? (
                  <code key={index} className="nowrap">
                    --demo
                  </code>
                ) : (
                  part
                ),
              )}
          </p>
        ) : null}
      </div>
    );
  return mode === 'wizard' ? <WizardView onClose={onClose} /> : <SettingsView onClose={onClose} />;
}
