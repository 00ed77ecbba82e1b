/**
 * The renderer's root. In a browser (the headless host) it shows the line, the popups and the
 * call log on one page; in Electron the popup window shows `#popup` and the call-log window
 * `#calls`.
 */
import { CallLog } from './components/call-log.js';
import { LineHeader } from './components/line-header.js';
import { PopupCard } from './components/popup-card.js';
import { useI18n, useServices, useView } from './app-context.js';

export type AppView = 'all' | 'popup' | 'calls';

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

function Popups() {
  const popups = useView((state) => state.popups);
  return (
    <div className="popups" aria-live="polite">
      {popups.map((popup) => (
        <PopupCard key={popup.callId} popup={popup} />
      ))}
    </div>
  );
}

export function App({ view }: { view: AppView }) {
  return (
    <main className={`app app-${view}`}>
      {view !== 'popup' ? <LineHeader /> : null}
      <Notice />
      {view !== 'calls' ? <Popups /> : null}
      {view !== 'popup' ? <CallLog /> : null}
    </main>
  );
}
