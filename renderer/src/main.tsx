import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { viewOf } from './view-of.js';
import { AppContext } from './app-context.js';
import { createBridge } from './bridge/create-bridge.js';
import { errorText } from './error-text.js';
import { translator, uiLocale } from './i18n/i18n.js';
import { createViewStore, withEvent, withSnapshot } from './state.js';
import { applyTab } from './tab-attention.js';
import './app.css';

const bridge = createBridge();
const store = createViewStore();
let i18n = translator(navigator.language);
document.documentElement.lang = i18n.language;
bridge.onEvent((event) => store.setState((state) => withEvent(state, event)));
bridge.onConnection((connection) => {
  store.setState({ connection });
  if (connection !== 'open') return;
  bridge.invoke('getSnapshot', {}).then(
    (snapshot) => store.setState((state) => withSnapshot(state, snapshot)),
    (error: unknown) => store.setState({ notice: { kind: 'error', text: errorText(error, i18n) } }),
  );
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);
// The view follows the hash, so a browser moves between calls (#) and settings (#settings).
const render = () => {
  reactRoot.render(
    <StrictMode>
      <AppContext value={{ bridge, store, i18n }}>
        <App view={viewOf(window.location.hash)} />
      </AppContext>
    </StrictMode>,
  );
};
window.addEventListener('hashchange', render);
render();
// The settings may choose the language (app.language); it arrives with every snapshot.
store.subscribe((state, previous) => {
  if (state.language === previous.language) return;
  i18n = translator(uiLocale(state.language, navigator.language));
  document.documentElement.lang = i18n.language;
  render();
});
// A browser tab's title, favicon and call notifications follow the state (the desktop app has its tray).
if (window.ringdesk === undefined) {
  let announced: ReadonlySet<string> = new Set();
  const environment = {
    document,
    Notification: typeof Notification === 'undefined' ? undefined : Notification,
    focus: () => window.focus(),
  };
  const follow = () => {
    announced = applyTab(store.getState(), i18n.t, environment, announced);
  };
  store.subscribe(follow);
  document.addEventListener('visibilitychange', follow);
  follow();
}
// A first run in a browser goes to the wizard (the demo's settings cannot be changed: no wizard).
bridge.onConnection((connection) => {
  if (connection !== 'open' || viewOf(window.location.hash) !== 'all') return;
  bridge.invoke('getSettings', {}).then(
    (settings) => {
      if (settings.firstRun) window.location.hash = 'wizard';
    },
    () => undefined,
  );
});
