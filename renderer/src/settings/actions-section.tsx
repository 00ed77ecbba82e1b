/**
 * Helpdesk actions without JSON: the popup's buttons (open contact, new ticket, new contact) as
 * URLs filled from a helpdesk preset and its address, the placeholders they may use, "try with
 * a sample contact" showing the exact URL each button opens (made by the Companion, with the
 * same code the popup uses), whether colleagues get the customer buttons, and per directory
 * whether its contacts use these URLs, their helpdesk preset's, or URLs of their own.
 */
import { useEffect, useState } from 'react';
import type { CommandResult } from '../../../electron/contract/channels.js';
import { useI18n, useServices } from '../app-context.js';
import { CATALOGS, type MessageKey } from '../i18n/i18n.js';
import { getAt, isObject, type Json, type Path } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { directoryType } from './field-specs.js';
import { ACTION_FIELDS } from './section-field-specs.js';
import { FormField, Fields, fieldId } from './fields.js';
import { ProblemList } from './problem-list.js';

type Preview = CommandResult<'previewActions'>;
type Presets = Extract<Preview, { presets: unknown }>['presets'];

const ACTION_LABELS = {
  'open-contact': 'field.openContact',
  'new-ticket': 'field.newTicket',
  'new-contact': 'field.newContact',
} as const satisfies Record<string, MessageKey>;

/** The presets and placeholders, asked once per window. */
function usePresets(): { presets: Presets; placeholders: readonly string[] } {
  const { bridge } = useServices();
  const [loaded, setLoaded] = useState<{ presets: Presets; placeholders: readonly string[] }>({
    presets: [],
    placeholders: [],
  });
  useEffect(() => {
    let current = true;
    bridge.invoke('previewActions', { actions: {} }).then(
      (result) => {
        if (current && 'presets' in result) setLoaded(result);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge]);
  return loaded;
}

/** What a placeholder holds, when the catalogue knows it (a new one is listed without). */
function placeholderHelp(name: string, t: (key: MessageKey) => string): string {
  const key = `placeholder.${name}`;
  return Object.hasOwn(CATALOGS.en, key) ? t(key as MessageKey) : '';
}

/** A preset's name in the UI's language (the generic one is not a product). */
function presetLabel(id: string, label: string, t: (key: MessageKey) => string): string {
  return id === 'json' ? t('actions.generic') : id === 'znuny' ? 'Znuny / OTRS' : label;
}

/** The preset, the helpdesk's address and "fill in", then the three URLs (at `base`). */
function ActionUrls({ base, presets }: { base: Path; presets: Presets }) {
  const editor = useEditor();
  const { t } = useI18n();
  const id = fieldId(base);
  const [preset, setPreset] = useState('');
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fill = () => {
    const chosen = presets.find((each) => each.id === preset);
    const root = address.trim().replace(/\/+$/, '');
    if (chosen === undefined || !/^https?:\/\/[^/\s{}]+/i.test(root)) {
      setProblem(t(chosen === undefined ? 'actions.choosePreset' : 'actions.baseUrlProblem'));
      return;
    }
    setProblem(null);
    const filled = (template: string) => template.replaceAll('{{base}}', root);
    editor.edit([...base, 'openContact'], filled(chosen.templates.openContact));
    editor.edit([...base, 'newTicket'], filled(chosen.templates.newTicket));
    editor.edit([...base, 'newContact'], filled(chosen.templates.newContact));
  };
  return (
    <div className="action-urls">
      <div className="preset-row">
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('actions.preset')}</label>
          <select id={`${id}-preset`} value={preset} onChange={(event) => setPreset(event.target.value)}>
            <option value="">{t('actions.presetNone')}</option>
            {presets.map((each) => (
              <option key={each.id} value={each.id}>
                {presetLabel(each.id, each.label, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-address`}>{t('actions.baseUrl')}</label>
          <input
            id={`${id}-address`}
            type="text"
            inputMode="url"
            spellCheck={false}
            placeholder="https://helpdesk.example.com"
            value={address}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : `${id}-address-problem`}
            onChange={(event) => setAddress(event.target.value)}
          />
        </div>
        <button type="button" onClick={fill}>
          {t('actions.fill')}
        </button>
      </div>
      {problem === null ? null : (
        <p className="field-problems" id={`${id}-address-problem`} role="alert">
          {problem}
        </p>
      )}
      <Fields specs={ACTION_FIELDS} base={base} />
    </div>
  );
}

/** "Try with a sample contact": what each button opens for three sample callers. */
function TrySample({ directory }: { directory: number | null }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const actions = useEditorState((state) => getAt(state.draft, ['actions']));
  const entry = useEditorState((state) =>
    directory === null ? undefined : getAt(state.draft, ['directories', directory]),
  );
  const asked = JSON.stringify([actions, entry]);
  const [result, setResult] = useState<{ for: string; preview: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setError(null);
    bridge
      .invoke('previewActions', {
        actions: actions ?? {},
        ...(directory === null ? {} : { directory: entry }),
      })
      .then(
        (preview) => setResult({ for: asked, preview }),
        (problem: unknown) => setError(problem instanceof Error ? problem.message : String(problem)),
      );
  };
  // A result belongs to the URLs it was made with: one changed since is not shown.
  const preview = result !== null && result.for === asked ? result.preview : null;
  return (
    <div className="try-sample">
      <button type="button" className="secondary" onClick={run}>
        {t('actions.try')}
      </button>
      {error === null ? null : (
        <p className="test-verdict test-bad" role="alert">
          {error}
        </p>
      )}
      {preview === null ? null : 'problems' in preview ? (
        <ProblemList problems={preview.problems} />
      ) : (
        <div role="status">
          <ul className="samples">
            {preview.samples.map((sample) => (
              <li key={sample.sample}>
                <p className="sample-who">{t(`actions.sample.${sample.sample}`, { who: sample.who })}</p>
                {sample.actions.length === 0 ? (
                  <p className="muted">{t('actions.noButtons')}</p>
                ) : (
                  <dl className="sample-urls">
                    {sample.actions.map((action) => (
                      <div key={action.id}>
                        <dt>{t(ACTION_LABELS[action.id])}</dt>
                        <dd>
                          {'url' in action ? (
                            <code className="sample-url" dir="ltr">
                              {action.url}
                            </code>
                          ) : (
                            <span className="test-bad">{action.error}</span>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function entryName(entry: Json | undefined, index: number): string {
  const name = getAt(entry, ['name']);
  const file = getAt(entry, ['path']);
  if (typeof name === 'string' && name !== '') return name;
  if (typeof file === 'string' && file !== '') return file.split(/[\\/]/).pop() ?? file;
  const preset = getAt(entry, ['preset']);
  return typeof preset === 'string' ? preset : `#${index + 1}`;
}

/** One directory: the general actions, its preset's (a helpdesk), or URLs of its own. */
function DirectoryActions({ index, presets }: { index: number; presets: Presets }) {
  const editor = useEditor();
  const { t } = useI18n();
  const entry = useEditorState((state) => getAt(state.draft, ['directories', index]));
  const own = isObject(getAt(entry, ['actions']));
  const helpdesk = directoryType(entry) === 'rest';
  const name = entryName(entry, index);
  const id = `directory-actions-${index}`;
  return (
    <fieldset className="directory-actions">
      <legend>{t('actions.directoryMode', { name })}</legend>
      <div className="field">
        <label htmlFor={id}>{t('actions.directoryUses')}</label>
        <select
          id={id}
          value={own ? 'own' : 'default'}
          onChange={(event) =>
            editor.edit(['directories', index, 'actions'], event.target.value === 'own' ? {} : undefined)
          }
        >
          <option value="default">{t(helpdesk ? 'actions.modePreset' : 'actions.modeGeneral')}</option>
          <option value="own">{t('actions.modeOwn')}</option>
        </select>
      </div>
      {own ? <ActionUrls base={['directories', index, 'actions']} presets={presets} /> : null}
      <TrySample directory={index} />
    </fieldset>
  );
}

export function ActionsSection() {
  const { t } = useI18n();
  const { presets, placeholders } = usePresets();
  const directories = useEditorState((state) => getAt(state.draft, ['directories']));
  const count = Array.isArray(directories) ? directories.length : 0;
  return (
    <section className="settings-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <p className="section-intro">{t('actions.intro')}</p>
      <ActionUrls base={['actions']} presets={presets} />
      <FormField
        spec={{ path: ['colleagues'], label: 'field.colleagues', kind: 'checkbox', defaultValue: false }}
        base={['actions']}
      />
      <details className="placeholders">
        <summary>{t('actions.placeholders')}</summary>
        <p className="field-help">{t('actions.placeholdersIntro')}</p>
        <dl>
          {placeholders.map((name) => (
            <div key={name}>
              <dt>
                <code dir="ltr">{`{{${name}}}`}</code>
              </dt>
              <dd>{placeholderHelp(name, t)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <TrySample directory={null} />
      {count === 0 ? null : (
        <>
          <h3>{t('actions.perDirectory')}</h3>
          <p className="field-help">{t('actions.perDirectoryIntro')}</p>
          {Array.from({ length: count }, (_, index) => (
            <DirectoryActions key={index} index={index} presets={presets} />
          ))}
        </>
      )}
    </section>
  );
}
