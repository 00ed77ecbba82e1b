/**
 * In a browser tab: asks once, from the agent's click, whether ringing calls may be announced as
 * notifications while the tab is hidden, and says what the browser decided. Never asks on load;
 * absent in the desktop app (it has its tray) and where the browser has no notifications.
 */
import { useState } from 'react';
import { useI18n } from '../app-context.js';

export function NotifyToggle() {
  const { t } = useI18n();
  const available = window.ringdesk === undefined && typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(() => (available ? Notification.permission : 'denied'));
  if (!available) return null;
  if (permission === 'granted') return <p className="notify-state">{t('notify.on')}</p>;
  if (permission === 'denied') return <p className="notify-state">{t('notify.blocked')}</p>;
  const ask = () => {
    void Notification.requestPermission().then(setPermission, () => undefined);
  };
  return (
    <button type="button" className="link notify-ask" onClick={ask}>
      {t('notify.ask')}
    </button>
  );
}
