/**
 * The banner that says, in plain words, that calls are not shown because the line is down, why,
 * and when the Companion tries again (counting down), with "Retry now" and the way to the
 * settings. The sentence sits in a polite live region that changes only with the problem; the
 * countdown beside it is not announced every second.
 */
import { useEffect, useState } from 'react';
import { useI18n, useRun, useServices, useView } from '../app-context.js';
import { isLineDown, problemSentence, secondsLeft } from '../line-words.js';
import './line-banner.css';

/** Milliseconds since `key` last changed (re-rendering every second while `active`). */
function useElapsed(key: unknown, active: boolean): number {
  const [since, setSince] = useState(() => performance.now());
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const start = performance.now();
    setSince(start);
    setNow(start);
  }, [key]);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active, key]);
  return Math.max(0, now - since);
}

export function LineBanner() {
  const line = useView((state) => state.line);
  const connection = useView((state) => state.connection);
  const { bridge } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const down = connection === 'open' && isLineDown(line);
  const elapsed = useElapsed(line, down && line.retryInMs !== null && line.retryInMs !== undefined);
  if (!down) return null;
  const seconds = secondsLeft(line.retryInMs, elapsed);
  const openSettings = () => {
    // The desktop app has a settings window; a browser page moves to its settings view.
    if (window.ringdesk !== undefined) run(() => bridge.invoke('openSettings', {}));
    else window.location.hash = 'settings';
  };
  return (
    <section className="line-banner" aria-labelledby="line-banner-text">
      <p id="line-banner-text" className="line-banner-text" role="status">
        <strong>{t('banner.lead')}</strong> {problemSentence(t, line)}
      </p>
      <p className="line-banner-retry">
        {line.state === 'connecting'
          ? t('banner.retrying')
          : seconds === null
            ? null
            : t('banner.retryIn', { seconds })}
      </p>
      <div className="line-banner-actions">
        <button
          type="button"
          disabled={line.state === 'connecting'}
          onClick={() => run(() => bridge.invoke('retryLine', {}))}
        >
          {t('banner.retryNow')}
        </button>
        <button type="button" className="secondary" onClick={openSettings}>
          {t('banner.settings')}
        </button>
      </div>
      {line.reason !== null ? (
        <details className="line-banner-details">
          <summary>{t('banner.details')}</summary>
          <code>{line.reason}</code>
        </details>
      ) : null}
    </section>
  );
}
