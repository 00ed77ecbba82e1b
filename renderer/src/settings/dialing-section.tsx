/**
 * Dialing rules: the country by name (a searchable list, preselected from the browser's or OS's
 * region), the area, the company number and the PBX's prefixes, with the trunk and international
 * prefixes shown as the chosen country's defaults; beside the fields a live preview with the
 * chosen country's examples and a number of the agent's choosing, under the rules as they are in
 * the form (not yet saved); an extension length that reaches the country's emergency or service
 * numbers is said in words beside its field.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CommandResult } from '../../../electron/contract/channels.js';
import { useI18n, useServices } from '../app-context.js';
import { warningText } from './rules-warning-text.js';
import { countries, countryOfCode, exampleMobile, regionOfLocales, type Country } from './countries.js';
import { getAt } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import { DIALING_FIELDS } from './section-field-specs.js';
import { FieldProblems, Fields, fieldId } from './fields.js';

type Preview = CommandResult<'previewNumber'>;
type Rules = Extract<Preview, { e164: unknown }>['rules'];

/**
 * A number every valid set of rules can complete: its preview carries what the empty fields
 * mean (the completed rules) and the rules' warnings, whatever the agent tries beside it.
 */
const RULES_PROBE = '+44 20 7946 0958';

const KINDS = ['internal', 'local', 'national', 'international', 'short'] as const;
function isKind(kind: string): kind is (typeof KINDS)[number] {
  return (KINDS as readonly string[]).includes(kind);
}

/** Asks the Companion what the draft's rules make of `input`, debounced; the newest answer wins. */
function usePreview(input: string): Preview | null {
  const { bridge } = useServices();
  const rules = useEditorState((state) => getAt(state.draft, ['dialingRules']));
  const rulesText = JSON.stringify(rules ?? {});
  const [preview, setPreview] = useState<Preview | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (input.trim() === '') {
      setPreview(null);
      return;
    }
    const ask = ++latest.current;
    const timer = setTimeout(() => {
      bridge.invoke('previewNumber', { rules: JSON.parse(rulesText) as unknown, input }).then(
        (result) => {
          if (ask === latest.current) setPreview(result);
        },
        (error: unknown) => {
          if (ask === latest.current)
            setPreview({ error: error instanceof Error ? error.message : String(error) });
        },
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [bridge, input, rulesText]);
  return preview;
}

/** The country field: type to search the list; a name from it sets the calling code. */
function CountryField({ list, country }: { list: readonly Country[]; country: Country | null }) {
  const editor = useEditor();
  const { t } = useI18n();
  const path = ['dialingRules', 'countryCode'];
  const id = fieldId(path);
  const [text, setText] = useState(country?.label ?? '');
  const [unknown, setUnknown] = useState(false);
  const invalid = useEditorState((state) =>
    state.problems.some((problem) => problem.path === 'dialingRules.countryCode'),
  );
  useEffect(() => setText(country?.label ?? ''), [country]);
  const pick = (typed: string) => {
    setText(typed);
    const needle = typed.trim().toLowerCase();
    const found = list.find(
      (each) => each.label.toLowerCase() === needle || each.name.toLowerCase() === needle,
    );
    setUnknown(false);
    if (found !== undefined) {
      editor.setRegion(found.region);
      editor.edit(path, found.callingCode);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.country')}</label>
      <input
        id={id}
        type="text"
        list="country-list"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={invalid || unknown}
        aria-describedby={`${id}-help${unknown ? ` ${id}-unknown` : ''}`}
        onChange={(event) => pick(event.target.value)}
        onBlur={() => setUnknown(text.trim() !== '' && text !== country?.label)}
      />
      <datalist id="country-list">
        {list.map((each) => (
          <option key={each.region} value={each.label} />
        ))}
      </datalist>
      <p className="field-help" id={`${id}-help`}>
        {t('help.country')}
      </p>
      {unknown ? (
        <p className="field-problems" id={`${id}-unknown`}>
          {t('problem.country')}
        </p>
      ) : null}
      <FieldProblems path={path} id={`${id}-problems`} />
    </div>
  );
}

export function DialingSection() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const list = useMemo(() => countries(language), [language]);
  const code = useEditorState((state) => getAt(state.draft, ['dialingRules', 'countryCode']));
  const region = useEditorState((state) => state.region);
  const defaults = useEditorState((state) => state.defaults?.dialingRules.countryCode ?? null);
  const preferred = region ?? regionOfLocales(navigator.languages);
  const country = countryOfCode(list, typeof code === 'string' ? code : (defaults ?? ''), preferred);
  const probe = usePreview(RULES_PROBE);
  const [rules, setRules] = useState<Rules | undefined>(undefined);
  useEffect(() => {
    if (probe !== null && 'rules' in probe && probe.rules !== undefined) setRules(probe.rules);
  }, [probe]);
  const warnings = (probe?.warnings ?? []).filter((each) => each.path === 'dialingRules.extensionMaxLength');
  const placeholders: Record<string, string> =
    rules === undefined
      ? {}
      : {
          trunkPrefix: rules.trunkPrefix,
          internationalPrefix: rules.internationalPrefix,
          extensionMaxLength: String(rules.extensionMaxLength),
        };
  return (
    <section className="settings-section" aria-labelledby="dialing-title">
      <h2 id="dialing-title">{t('dialing.title')}</h2>
      <p className="section-intro">{t('dialing.intro')}</p>
      <div className="beside">
        <div className="fields">
          <CountryField list={list} country={country} />
          <Fields
            specs={DIALING_FIELDS}
            base={['dialingRules']}
            placeholders={placeholders}
            notes={{ extensionMaxLength: warnings.map((warning) => warningText(warning, i18n)) }}
          />
        </div>
        <NumberPreview country={country} />
      </div>
    </section>
  );
}

/** One example of the chosen country and what the rules make of it. */
function Example({ label, input }: { label: string; input: string }) {
  const preview = usePreview(input);
  return (
    <tr>
      <th scope="row">
        {label}
        <span className="example-input">{input}</span>
      </th>
      <td>
        {preview === null || 'error' in preview ? null : (
          <>
            <span className="example-display">{preview.display}</span>
            <code className="dialable">{preview.dialable}</code>
          </>
        )}
      </td>
    </tr>
  );
}

function NumberPreview({ country }: { country: Country | null }) {
  const { t } = useI18n();
  const area = useEditorState((state) => getAt(state.draft, ['dialingRules', 'areaCode']));
  const extension = useEditorState((state) => getAt(state.draft, ['dialingRules', 'extensionMaxLength']));
  const base = useEditorState((state) => getAt(state.draft, ['dialingRules', 'baseNumber']));
  const [input, setInput] = useState('+49 211 5551234');
  const preview = usePreview(input);
  const mobile = country === null ? null : exampleMobile(country.region);
  const examples: { label: string; input: string }[] = [
    ...(mobile === null ? [] : [{ label: t('dialing.exampleMobile'), input: mobile }]),
    ...(typeof area === 'string' && area !== ''
      ? [{ label: t('dialing.exampleLocal'), input: '555 1234' }]
      : []),
    ...(typeof extension === 'number' && extension > 0 && typeof base === 'string' && base !== ''
      ? [{ label: t('dialing.exampleExtension'), input: '123456789'.slice(0, Math.min(extension, 2)) }]
      : []),
    {
      label: t('dialing.exampleAbroad'),
      input: country?.callingCode === '44' ? '+1 212 555 0100' : '+44 20 7946 0958',
    },
  ];
  return (
    <div className="number-preview">
      {country === null ? null : (
        <table className="examples">
          <caption>{t('dialing.examples', { country: country.name })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">
                {t('dialing.display')} · {t('dialing.dialable')}
              </th>
            </tr>
          </thead>
          <tbody>
            {examples.map((example) => (
              <Example key={example.label} {...example} />
            ))}
          </tbody>
        </table>
      )}
      <div className="field">
        <label htmlFor="preview-number">{t('dialing.try')}</label>
        <input
          id="preview-number"
          type="tel"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          spellCheck={false}
        />
      </div>
      {preview === null ? null : <PreviewResult preview={preview} />}
    </div>
  );
}

/** What the rules make of the number tried: its forms and kind, or why it cannot be read. */
function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  return 'error' in preview ? (
    <p className="test-verdict test-bad" role="status" data-testid="preview-error">
      {preview.error}
    </p>
  ) : (
    <dl className="preview-table" aria-live="polite">
      <dt>{t('dialing.e164')}</dt>
      <dd data-testid="preview-e164">{preview.e164 ?? t('dialing.noE164')}</dd>
      <dt>{t('dialing.display')}</dt>
      <dd data-testid="preview-display">{preview.display}</dd>
      <dt>{t('dialing.kind')}</dt>
      <dd data-testid="preview-kind">
        {isKind(preview.kind) ? t(`kind.${preview.kind}`) : preview.kind}
        {preview.valid ? null : <span className="muted"> · {t('dialing.invalid')}</span>}
      </dd>
      <dt>{t('dialing.dialable')}</dt>
      <dd data-testid="preview-dialable">
        <code>{preview.dialable}</code>
      </dd>
    </dl>
  );
}
