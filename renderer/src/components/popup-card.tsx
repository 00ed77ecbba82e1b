/**
 * One call's popup: the template's HTML (rendered by the Companion with every value escaped),
 * the chooser when several contacts match, and the action buttons.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { PopupModel } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices } from '../app-context.js';

export function PopupCard({ popup }: { popup: PopupModel }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const body = useRef<HTMLDivElement>(null);

  // The template marks each choice with data-contact-index; make them keyboard-reachable buttons.
  useEffect(() => {
    for (const choice of body.current?.querySelectorAll<HTMLElement>('[data-contact-index]') ?? []) {
      choice.setAttribute('role', 'button');
      choice.tabIndex = 0;
    }
  }, [popup.html]);

  const choose = (target: EventTarget) => {
    const choice = target instanceof Element ? target.closest<HTMLElement>('[data-contact-index]') : null;
    const index = Number(choice?.dataset.contactIndex);
    if (choice !== null && Number.isInteger(index))
      run(() => bridge.invoke('selectContact', { callId: popup.callId, index }));
  };
  const onClick = (event: MouseEvent) => {
    choose(event.target);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(event.target);
    }
  };
  const name =
    popup.selected !== null
      ? popup.contacts[popup.selected]?.name
      : popup.contacts.length === 1
        ? popup.contacts[0]?.name
        : undefined;

  return (
    <section
      className="popup"
      data-state={popup.state}
      data-call-id={popup.callId}
      aria-label={t(popup.direction === 'incoming' ? 'popup.from' : 'popup.to', {
        who: name ?? popup.number.display,
      })}
    >
      <header className="popup-status">
        <span className={`badge badge-${popup.state}`}>{t(`popup.state.${popup.state}`)}</span>
        {popup.lookup === 'pending' ? <span className="popup-pending">{t('popup.lookingUp')}</span> : null}
      </header>
      {popup.html === '' ? (
        <div className="popup-body">
          <h2 className="rd-name">{name ?? popup.number.display}</h2>
          <p className="rd-number">{popup.number.display}</p>
        </div>
      ) : (
        <div
          className="popup-body"
          ref={body}
          onClick={onClick}
          onKeyDown={onKeyDown}
          dangerouslySetInnerHTML={{ __html: popup.html }}
        />
      )}
      <footer className="popup-actions">
        {popup.actions.map((action) => (
          <button
            key={action.id}
            type="button"
            data-action={action.id}
            onClick={() => run(() => bridge.openAction(popup.callId, action.id))}
          >
            {action.label}
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
        <button
          type="button"
          className="secondary"
          onClick={() => run(() => bridge.invoke('dismissPopup', { callId: popup.callId }))}
        >
          {t('popup.close')}
        </button>
      </footer>
    </section>
  );
}
