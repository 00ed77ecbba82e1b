/**
 * The first-run wizard: the line, the directories, the helpdesk actions, the dialing rules, the
 * popup, then done. Every step is the settings window's own form, so what the wizard sets up is
 * what the settings window later shows. Each step is checked as it is left (as a save would
 * check it, nothing saved), its problems said next to their fields; "Finish" saves, and when the
 * Companion finds problems the wizard goes back to the first step that has them.
 */
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { useEffect, useState } from 'react';
import { useI18n } from '../app-context.js';
import { regionOfLocales } from './countries.js';
import { hasProblemsUnder } from './document-path.js';
import { DoneStep } from './done-step.js';
import { useEditor, useEditorState } from './editor-context.js';
import { SECTIONS, type Section } from './sections.js';
import { ProblemList } from './problem-list.js';
import { useLineTestGuard } from './line-test-guard.js';
import { BackToCalls } from './back-to-calls.js';
import { SiteNote } from './site-note.js';

const STEPS: readonly Section[] = SECTIONS.filter((section) =>
  (['line', 'directories', 'actions', 'dialing', 'popup'] as const).some((id) => id === section.id),
);

/** The browser's (or OS's) country, to start the dialing rules with. */
function browserCountry(): { region: CountryCode; callingCode: string } | null {
  const region = regionOfLocales(navigator.languages);
  return region === null ? null : { region, callingCode: getCountryCallingCode(region) };
}

export function WizardView({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(false);
  const [checking, setChecking] = useState(false);
  const [stepRefused, setStepRefused] = useState(false);
  const problems = useEditorState((state) => state.problems);
  const saveRefused = useEditorState((state) => state.saveRefused);
  const error = useEditorState((state) => state.error);
  const phase = useEditorState((state) => state.phase);

  useEffect(() => {
    editor.startWizard(browserCountry());
  }, [editor]);

  // Leaving a step checks it; its problems stay next to their fields, the first gets the focus.
  const next = async () => {
    setChecking(true);
    try {
      if (await editor.checkStep(current.paths)) {
        setStepRefused(false);
        setStep(step + 1);
        return;
      }
      setStepRefused(true);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setChecking(false);
    }
  };

  const current = STEPS[step] ?? SECTIONS[0];
  const last = step === STEPS.length - 1;
  const finish = async () => {
    if (await editor.save()) {
      setDone(true);
      return;
    }
    const failing = STEPS.findIndex((section) =>
      section.paths.some((path) => hasProblemsUnder(editor.store.getState().problems, path)),
    );
    if (failing >= 0) setStep(failing);
  };
  const guard = useLineTestGuard(finish);
  return (
    <div className="wizard">
      <BackToCalls onClose={onClose} />
      <h1>{t('wizard.title')}</h1>
      <SiteNote />
      <ol className="wizard-steps">
        {[...STEPS.map((section) => t(section.label)), t('wizard.done')].map((label, index) => (
          <li
            key={label}
            aria-current={(done ? STEPS.length : step) === index ? 'step' : undefined}
            data-done={done || index < step}
          >
            <span aria-hidden="true">{index + 1}. </span>
            {label}
          </li>
        ))}
      </ol>
      {done ? (
        <DoneStep onClose={onClose} />
      ) : (
        <>
          {step === 0 ? <p className="section-intro">{t('wizard.welcome')}</p> : null}
          <fieldset className="plain" disabled={phase === 'saving'}>
            <current.Component />
          </fieldset>
          {saveRefused ? <ProblemList problems={problems} /> : null}
          {stepRefused && !saveRefused ? <ProblemList problems={problems} title="wizard.fixStep" /> : null}
          {checking ? (
            <p className="test-running" role="status">
              {t('wizard.checking')}
            </p>
          ) : null}
          {error === null ? null : (
            <p className="test-verdict test-bad" role="alert">
              {error}
            </p>
          )}
          <footer className="wizard-actions">
            <button
              type="button"
              className="secondary"
              disabled={step === 0}
              onClick={() => {
                setStepRefused(false);
                setStep(step - 1);
              }}
            >
              {t('wizard.back')}
            </button>
            {last ? (
              <button type="button" className="primary" disabled={phase === 'saving'} onClick={guard.request}>
                {t('wizard.finish')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={checking} onClick={() => void next()}>
                {t('wizard.next')}
              </button>
            )}
          </footer>
          {guard.prompt}
        </>
      )}
    </div>
  );
}
