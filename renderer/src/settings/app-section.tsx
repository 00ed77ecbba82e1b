/** The app itself: language, start at login, where updates come from, the desktop app's global shortcuts. */
import { useI18n } from '../app-context.js';
import { APP_FIELDS } from './section-field-specs.js';
import { Fields } from './fields.js';
import { JsonEditor } from './json-editor.js';
import { useEditorState } from './editor-context.js';

export function AppSection() {
  const { t } = useI18n();
  const file = useEditorState((state) => state.file);
  return (
    <section className="settings-section" aria-labelledby="app-title">
      <h2 id="app-title">{t('appSettings.title')}</h2>
      <Fields specs={APP_FIELDS} base={['app']} />
      <details className="advanced">
        <summary>{t('json.documentSummary')}</summary>
        <p className="field-help">{t('json.documentHelp', { file })}</p>
        <JsonEditor path={[]} rows={20} />
      </details>
    </section>
  );
}
