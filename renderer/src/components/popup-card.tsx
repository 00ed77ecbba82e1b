/**
 * One call's popup: the template's HTML (rendered by the Companion with every value escaped),
 * the chooser when several contacts match, and the action buttons.
 *
 * Keyboard (only while the popup has the focus, so typing elsewhere is never taken, and with
 * several popups on a page only the focused one acts): O or Enter opens the contact, T makes a
 * new ticket, N a new contact, 1–9 picks that contact in the chooser, Esc closes the popup. The
 * Electron popup is shown without focus: a click into it gives it the keys. Each key is shown
 * on its button (and announced with `aria-keyshortcuts`). The first action is the primary one;
 * after a pick in the chooser the focus moves to the resolved popup, so its keys keep working.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ActionId, PopupModel } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices } from '../app-context.js';
import { numberText } from '../number-text.js';
import './popup-card.css';

/** The key of each action (the same in every language). */
export const ACTION_KEYS: Readonly<Record<ActionId, string>> = {
  'open-contact': 'O',
  'new-ticket': 'T',
  'new-contact': 'N',
};

/** True when a key press belongs to what has the focus (a button, a field), not to the popup. */
function ownedByTarget(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select') !== null) return true;
  return (event.key === 'Enter' || event.key === ' ') && target.closest('button, [role="button"]') !== null;
}

export function PopupCard({ popup }: { popup: PopupModel }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const body = useRef<HTMLDivElement>(null);
  const card = useRef<HTMLElement>(null);
  const picked = useRef(false);

  // The template marks each choice with data-contact-index (the bundled one on real buttons);
  // make any other element a keyboard-reachable button, and give the first nine their number key.
  useEffect(() => {
    for (const choice of body.current?.querySelectorAll<HTMLElement>('[data-contact-index]') ?? []) {
      if (!(choice instanceof HTMLButtonElement)) {
        choice.setAttribute('role', 'button');
        choice.tabIndex = 0;
      }
      const index = Number(choice.dataset.contactIndex);
      if (Number.isInteger(index) && index < 9) {
        choice.dataset.key = String(index + 1);
        choice.setAttribute('aria-keyshortcuts', String(index + 1));
      }
    }
    // The chooser's button that had the focus is gone: the resolved popup takes it.
    if (picked.current && popup.selected !== null) {
      picked.current = false;
      card.current?.focus();
    }
  }, [popup.html, popup.selected]);

  const select = (index: number) => {
    picked.current = true;
    run(() => bridge.invoke('selectContact', { callId: popup.callId, index }));
  };
  const open = (action: ActionId) => {
    if (popup.actions.some((each) => each.id === action)) run(() => bridge.openAction(popup.callId, action));
  };
  const close = () => run(() => bridge.invoke('dismissPopup', { callId: popup.callId }));

  const choose = (target: EventTarget) => {
    const choice = target instanceof Element ? target.closest<HTMLElement>('[data-contact-index]') : null;
    const index = Number(choice?.dataset.contactIndex);
    if (choice !== null && Number.isInteger(index)) select(index);
  };
  const onClick = (event: MouseEvent) => {
    choose(event.target);
  };
  const onBodyKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(event.target);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || ownedByTarget(event))
      return;
    const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
    const action = (Object.keys(ACTION_KEYS) as ActionId[]).find((id) => ACTION_KEYS[id] === key);
    const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : null;
    if (key === 'Escape') close();
    else if (key === 'Enter') open('open-contact');
    else if (action !== undefined) open(action);
    else if (digit !== null && body.current?.querySelector(`[data-contact-index="${digit}"]`) != null)
      select(digit);
    else return;
    event.preventDefault();
  };
  const name =
    popup.selected !== null
      ? popup.contacts[popup.selected]?.name
      : popup.contacts.length === 1
        ? popup.contacts[0]?.name
        : undefined;
  const number = numberText(popup.number, t);

  return (
    <section
      ref={card}
      className="popup"
      data-state={popup.state}
      data-call-id={popup.callId}
      tabIndex={0}
      title={t('popup.keysHint')}
      onKeyDown={onKeyDown}
      aria-label={t(popup.direction === 'incoming' ? 'popup.from' : 'popup.to', {
        who: name ?? number,
      })}
    >
      <header className="popup-status">
        <span className={`badge badge-${popup.state}`}>{t(`popup.state.${popup.state}`)}</span>
        {popup.lookup === 'pending' ? <span className="popup-pending">{t('popup.lookingUp')}</span> : null}
      </header>
      {popup.html === '' ? (
        <div className="popup-body">
          <h2 className="rd-name" dir="auto">
            {name ?? number}
          </h2>
          <p className="rd-number">
            <span className="rd-display">{popup.number.display}</span>
          </p>
        </div>
      ) : (
        <div
          className="popup-body"
          lang={popup.language ?? 'en'}
          ref={body}
          onClick={onClick}
          onKeyDown={onBodyKeyDown}
          dangerouslySetInnerHTML={{ __html: popup.html }}
        />
      )}
      <footer className="popup-actions">
        {popup.actions.map((action, index) => (
          <button
            key={action.id}
            type="button"
            className={index === 0 ? 'primary' : 'secondary'}
            data-action={action.id}
            aria-keyshortcuts={ACTION_KEYS[action.id] + (action.id === 'open-contact' ? ' Enter' : '')}
            onClick={() => open(action.id)}
          >
            {t(`popup.action.${action.id}`)} <kbd aria-hidden="true">{ACTION_KEYS[action.id]}</kbd>
          </button>
        ))}
        {popup.selected !== null && popup.contacts.length > 1 ? (
          <button
            type="button"
            className="secondary"
            onClick={() => run(() => bridge.invoke('chooseAgain', { callId: popup.callId }))}
          >
            {t('popup.chooseAgain', { name: name ?? t('popup.thisContact') })}
          </button>
        ) : null}
        <button type="button" className="secondary" aria-keyshortcuts="Escape" onClick={close}>
          {t('popup.close')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </footer>
    </section>
  );
}
