/**
 * Dialing rules: where the agent sits and what the PBX wants, with a live preview: type any
 * number and see its E.164 form, how it is shown, what kind it is and the exact string the
 * phone will dial, under the rules as they are in the form (not yet saved).
 */
import { useEffect, useRef, useState } from 'react';
import type { CommandResult } from '../../../electron/contract/channels.js';
import { useI18n, useServices } from '../app-context.js';
import { getAt } from './document-path.js';
import { useEditorState } from './editor-context.js';
import { DIALING_FIELDS } from './field-specs.js';
import { Fields } from './fields.js';

type Preview = CommandResult<'previewNumber'>;

const KINDS = ['internal', 'local', 'national', 'international'] as const;
function isKind(kind: string): kind is (typeof KINDS)[number] {
  return (KINDS as readonly string[]).includes(kind);
}

/** Placeholders: what applies to an empty field, for the country the computer is set to. */
function usePlaceholders(): Record<string, string> {
  const defaults = useEditorState((state) => state.defaults?.dialingRules ?? null);
  const country = useEditorState((state) => getAt(state.draft, ['dialingRules', 'countryCode']));
  if (defaults === null) return {};
  const same = country === undefined || country === defaults.countryCode;
  return {
    countryCode: defaults.countryCode,
    ...(same
      ? {
          trunkPrefix: defaults.trunkPrefix,
          internationalPrefix: defaults.internationalPrefix,
          extensionMaxLength: String(defaults.extensionMaxLength),
        }
      : {}),
  };
}

export function DialingSection() {
  const { t } = useI18n();
  return (
    <section className="settings-section" aria-labelledby="dialing-title">
      <h2 id="dialing-title">{t('dialing.title')}</h2>
      <p className="section-intro">{t('dialing.intro')}</p>
      <Fields specs={DIALING_FIELDS} base={['dialingRules']} placeholders={usePlaceholders()} />
      <NumberPreview />
    </section>
  );
}

function NumberPreview() {
  const { bridge } = useServices();
  const { t } = useI18n();
  const rules = useEditorState((state) => getAt(state.draft, ['dialingRules']));
  const [input, setInput] = useState('+49 211 5551234');
  const [preview, setPreview] = useState<Preview | null>(null);
  const latest = useRef(0);
  const rulesText = JSON.stringify(rules ?? {});

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

  return (
    <div className="number-preview">
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
      {preview === null ? null : 'error' in preview ? (
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
      )}
    </div>
  );
}
