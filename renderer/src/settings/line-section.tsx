/**
 * The line: which provider watches the phone, its settings, a "Test" that connects and lists
 * the provider's lines (progress while it runs, a verdict per check), and the pick of the
 * agent's line from that list.
 */
import { findLine } from '../../../electron/contract/line-choice.js';
import { useI18n } from '../app-context.js';
import { getAt } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { LINE_FIELDS, LINE_PROVIDERS, lineProvider, newLine, type LineProvider } from './field-specs.js';
import { Fields } from './fields.js';
import { JsonEditor } from './json-editor.js';
import { TestVerdict } from './test-verdict.js';
import { problemSentence } from '../line-words.js';
import type { LineProblem } from '../../../electron/contract/models.js';

export function LineSection() {
  const editor = useEditor();
  const { t } = useI18n();
  const line = useEditorState((state) => getAt(state.draft, ['line']));
  const provider = lineProvider(line) ?? 'simulator';
  return (
    <section className="settings-section" aria-labelledby="line-title">
      <h2 id="line-title">{t('lineSettings.title')}</h2>
      <p className="section-intro">{t('lineSettings.intro')}</p>
      <div className="field">
        <label htmlFor="line-provider">{t('field.provider')}</label>
        <select
          id="line-provider"
          value={provider}
          onChange={(event) => editor.edit(['line'], newLine(event.target.value as LineProvider))}
        >
          {LINE_PROVIDERS.map((each) => (
            <option key={each} value={each}>
              {t(`provider.${each}`)}
            </option>
          ))}
        </select>
        <p className="field-help">{t(`providerHelp.${provider}`)}</p>
      </div>
      <Fields specs={LINE_FIELDS[provider]} base={['line']} />
      <LineTest provider={provider} />
      <details className="advanced">
        <summary>{t('json.lineSummary')}</summary>
        <JsonEditor path={['line']} />
      </details>
    </section>
  );
}

function LineTest({ provider }: { provider: LineProvider }) {
  const editor = useEditor();
  const { t } = useI18n();
  const test = useEditorState((state) => state.lineTest);
  const current = useEditorState((state) => getAt(state.draft, ['line', 'line']));
  const lines = test.phase === 'done' && 'lines' in test.result ? test.result.lines : [];
  // The line as written ("7002") may name a device by its extension: that device is the pick.
  const match = typeof current === 'string' ? findLine(lines, current) : null;
  const picked = match?.kind === 'found' ? match.line.id : null;
  return (
    <div className="test-block">
      <button type="button" onClick={() => void editor.testLine()} disabled={test.phase === 'running'}>
        {t('test.line')}
      </button>
      {test.phase === 'running' ? (
        <p className="test-running" role="status">
          {t('test.running')}
        </p>
      ) : null}
      {test.phase === 'failed' ? (
        <p className="test-verdict test-bad" role="alert">
          {test.error}
        </p>
      ) : null}
      {test.phase === 'done' ? (
        'checks' in test.result ? (
          <TestVerdict
            ok={test.result.ok}
            checks={test.result.checks}
            okText={t('test.lineOk')}
            words={(check) => {
              // A failed connect in the same words as the banner ("Asterisk at pbx:5038 refuses …").
              if (check.problem === undefined || !('checks' in test.result)) return null;
              const { product, target } = test.result;
              return problemSentence(t, {
                provider,
                line: '',
                state: 'disconnected',
                reason: check.detail,
                capabilities: [],
                ...(product === undefined ? {} : { product }),
                target: target ?? null,
                problem: check.problem as LineProblem,
              });
            }}
          />
        ) : (
          <p className="test-verdict test-bad" role="alert">
            {t('test.fixFields')}
          </p>
        )
      ) : null}
      {lines.length > 0 ? (
        <fieldset className="line-pick">
          <legend>{t('lineSettings.pick')}</legend>
          {lines.map((each) => {
            // TAPI device ids can change when drivers are reinstalled; names stay.
            const value = provider === 'tapi' ? each.name : each.id;
            return (
              <label key={each.id} className="line-choice">
                <input
                  type="radio"
                  name="line-pick"
                  value={value}
                  checked={current === value || picked === each.id}
                  onChange={() => editor.edit(['line', 'line'], value)}
                />
                <span>
                  {each.name} <span className="muted">({each.id})</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
