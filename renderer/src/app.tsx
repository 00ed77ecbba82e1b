/**
 * The renderer's root. In a browser (the headless host) it shows the line, the popups and the
 * call log on one page; in Electron the popup window shows `#popup` and the call-log window
 * `#calls`.
 */
import { useEffect, useRef } from 'react';
import { CallLog } from './components/call-log.js';
import { DialConfirmations } from './components/confirm-card.js';
import { LineBanner } from './components/line-banner.js';
import { LineHeader } from './components/line-header.js';
import { NotifyToggle } from './components/notify-toggle.js';
import { PopupCard } from './components/popup-card.js';
import { useI18n, useServices, useView } from './app-context.js';
import { SettingsApp } from './settings/settings-app.js';

export type AppView = 'all' | 'popup' | 'calls' | 'settings' | 'wizard' | 'confirm';

function Notice() {
  const notice = useView((state) => state.notice);
  const { store } = useServices();
  const { t } = useI18n();
  if (notice === null) return null;
  return (
    <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      <button
        type="button"
        className="link"
        onClick={() => store.setState({ notice: null })}
        aria-label={t('app.dismiss')}
      >
        ×
      </button>
    </p>
  );
}

/**
 * `focusNewest`: the Electron popup window, which the desktop app focuses only when the agent asks
 * for it (the "focus the newest popup" shortcut). When the window gets the focus and no popup
 * holds it yet, the newest popup takes it, so its keys (O, T, N, Esc) work at once. Never in the
 * browser page, where coming back to the tab must not move the focus.
 */
function Popups({ focusNewest = false }: { focusNewest?: boolean }) {
  const popups = useView((state) => state.popups);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusNewest) return undefined;
    const onFocus = () => {
      // The list shows the newest popup first (state.ts).
      const newest = list.current?.querySelector<HTMLElement>('section.popup');
      if (newest != null && document.activeElement?.closest('section.popup') == null) newest.focus();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [focusNewest]);
  return (
    <div className="popups" aria-live="polite" ref={list}>
      {popups.map((popup) => (
        <PopupCard key={popup.callId} popup={popup} />
      ))}
    </div>
  );
}

/** The browser page's way to the settings (the desktop app has its tray menu). */
function SettingsLink() {
  const { t } = useI18n();
  return (
    <nav className="app-nav">
      <a href="#settings">{t('settings.title')}</a>
      <NotifyToggle />
    </nav>
  );
}

/** Leaves the settings: the Electron window hides; in a browser, back to calls and popups. */
function closeSettings(): void {
  if (window.ringdesk !== undefined) window.close();
  else window.location.hash = '';
}

export function App({ view }: { view: AppView }) {
  if (view === 'settings' || view === 'wizard') {
    return (
      <main className="app app-settings">
        <Notice />
        <SettingsApp mode={view} onClose={closeSettings} />
      </main>
    );
  }
  if (view === 'confirm') {
    return (
      <main className="app app-confirm">
        <Notice />
        <DialConfirmations standalone />
      </main>
    );
  }
  return (
    <main className={`app app-${view}`}>
      {view === 'all' ? <DialConfirmations /> : null}
      {view === 'all' ? <SettingsLink /> : null}
      {view !== 'popup' ? <LineHeader /> : null}
      {view !== 'popup' ? <LineBanner /> : null}
      <Notice />
      {view !== 'calls' ? <Popups focusNewest={view === 'popup'} /> : null}
      {view !== 'popup' ? <CallLog /> : null}
    </main>
  );
}
