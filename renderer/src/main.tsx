import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type AppView } from './app.js';
import { AppContext } from './app-context.js';
import { createBridge } from './bridge/create-bridge.js';
import { translator } from './i18n/i18n.js';
import { createViewStore, withEvent, withSnapshot } from './state.js';
import './app.css';

const bridge = createBridge();
const store = createViewStore();
const i18n = translator(navigator.language);
document.documentElement.lang = i18n.language;
bridge.onEvent((event) => store.setState((state) => withEvent(state, event)));
bridge.onConnection((connection) => {
  store.setState({ connection });
  if (connection !== 'open') return;
  bridge.invoke('getSnapshot', {}).then(
    (snapshot) => store.setState((state) => withSnapshot(state, snapshot)),
    (error: unknown) => store.setState({ notice: { kind: 'error', text: String(error) } }),
  );
});

const hash = window.location.hash.replace(/^#\/?/, '');
const view: AppView = hash === 'popup' || hash === 'calls' ? hash : 'all';
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppContext value={{ bridge, store, i18n }}>
      <App view={view} />
    </AppContext>
  </StrictMode>,
);
