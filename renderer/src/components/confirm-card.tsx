/**
 * Dials waiting for the agent's yes or no (a clicked phone link, a callback when the settings
 * ask for it, or selected or copied text from the desktop app's shortcut): who the number belongs to, the number as shown, and exactly the string the line
 * will dial, so a wrong or manipulated link is caught before the phone rings. Dial is the default
 * button (Enter), armed half a second after it appears; Esc cancels. The Electron app shows this in its own small focused window
 * (`#confirm`); the browser page shows it above the popups.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DialConfirmation } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices, useView } from '../app-context.js';
import type { Translator } from '../i18n/i18n.js';
import './confirm-card.css';

/**
 * How long Dial stays unarmed after a confirmation appears: a key press or click meant for what
 * the agent was doing a moment ago (the window takes the focus) must not be a yes, as browsers
 * delay their permission prompts' buttons.
 */
const ARM_DELAY_MS = 500;

/** Where the dial came from: a link, a callback, or the desktop app's "dial the selected text". */
function sourceText(confirmation: DialConfirmation, t: Translator['t']): string {
  const text = confirmation.number.raw;
  switch (confirmation.source) {
    case 'link':
      return t('confirm.fromLink', { link: text });
    case 'callback':
      return t('confirm.fromCallback');
    case 'selection':
      return t('confirm.fromSelection', { text });
    case 'clipboard':
      return t('confirm.fromClipboard', { text });
  }
}

function ConfirmCard({ confirmation, focus }: { confirmation: DialConfirmation; focus: boolean }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const dialButton = useRef<HTMLButtonElement>(null);
  const [answered, setAnswered] = useState(false);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const { contacts, number, dialable } = confirmation;
  const who = contacts.length === 1 ? (contacts[0]?.name ?? number.display) : number.display;
  // The name goes into the sentence isolated (<bdi>), so right-to-left names keep it readable.
  const [titleBefore = '', titleAfter = ''] = t('confirm.title', { who: '\u0000' }).split('\u0000');

  // The agent's own click brought this up: Dial takes the focus, so Enter dials and Esc cancels;
  // never from a field the agent is typing in (an Enter meant for it must not dial).
  useEffect(() => {
    const typing = document.activeElement?.closest('input, textarea, select, [contenteditable]') ?? null;
    if (focus && typing === null) dialButton.current?.focus();
  }, [focus]);

  const dial = () => {
    if (answered || !armed) return;
    setAnswered(true);
    run(
      () => bridge.invoke('confirmDial', { id: confirmation.id }),
      t('dial.dialling', { number: number.display }),
    );
  };
  const cancel = () => {
    if (answered) return;
    setAnswered(true);
    run(() => bridge.invoke('cancelDial', { id: confirmation.id }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      dial();
    }
  };

  return (
    <section
      className="confirm"
      data-confirmation-id={confirmation.id}
      aria-label={t('confirm.title', { who })}
      onKeyDown={onKeyDown}
    >
      <p className="confirm-source" dir="auto">
        {sourceText(confirmation, t)}
      </p>
      <h2 className="confirm-title">
        {titleBefore}
        <bdi>{who}</bdi>
        {titleAfter}
      </h2>
      {contacts.length === 0 ? (
        <p className="confirm-nobody">{t('confirm.nobody')}</p>
      ) : (
        <ul className="confirm-contacts">
          {contacts.map((contact) => (
            <li key={`${contact.directory}/${contact.id}`}>
              <bdi className="confirm-name">{contact.name}</bdi>
              {contact.company !== null ? <bdi className="confirm-company">{contact.company}</bdi> : null}
            </li>
          ))}
        </ul>
      )}
      {confirmation.failures.map((failure) => (
        <p key={failure.directory} className="confirm-failure" dir="auto">
          {failure.directory}: {failure.error}
        </p>
      ))}
      <dl className="confirm-number">
        <dt>{t('confirm.number')}</dt>
        <dd dir="ltr">{number.display}</dd>
        <dt>{t('confirm.dials')}</dt>
        <dd>
          <code className="confirm-dialable" dir="ltr">
            {dialable}
          </code>
        </dd>
      </dl>
      <footer className="confirm-actions">
        <button
          type="button"
          ref={dialButton}
          onClick={dial}
          disabled={answered}
          aria-disabled={!armed}
          aria-keyshortcuts="Enter"
        >
          {t('confirm.dial')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={cancel}
          disabled={answered}
          aria-keyshortcuts="Escape"
        >
          {t('confirm.cancel')}
        </button>
        <span className="confirm-keys">{t('confirm.keys')}</span>
      </footer>
    </section>
  );
}

/**
 * Every waiting confirmation, oldest first; the newest takes the focus. `standalone` is the
 * Electron confirmation window, which says so when nothing waits (it is hidden then anyway).
 */
export function DialConfirmations({ standalone = false }: { standalone?: boolean }) {
  const confirmations = useView((state) => state.confirmations);
  const { t } = useI18n();
  if (confirmations.length === 0) return standalone ? <p className="empty">{t('confirm.none')}</p> : null;
  return (
    <div className="confirmations" role="region" aria-label={t('confirm.region')}>
      {confirmations.map((confirmation, index) => (
        <ConfirmCard
          key={confirmation.id}
          confirmation={confirmation}
          focus={index === confirmations.length - 1}
        />
      ))}
    </div>
  );
}
