/** The way back to the calls, on every settings page (a browser tab has no tray menu). */
import type { MouseEvent } from 'react';
import { useI18n } from '../app-context.js';

export function BackToCalls({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const back = (event: MouseEvent) => {
    event.preventDefault();
    onClose();
  };
  return (
    <nav className="app-nav app-nav-back" aria-label={t('nav.calls')}>
      <a href="#" onClick={back}>
        <span aria-hidden="true">← </span>
        {t('nav.back')}
      </a>
    </nav>
  );
}
