/**
 * The wizard's last step: Ringdesk is set up; make it the handler of phone links, and say who
 * really opens each scheme and what the OS still asks of the user (links-panel.tsx).
 */
import { useI18n } from '../app-context.js';
import { PhoneLinksPanel } from './links-panel.js';

export function DoneStep({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <section className="settings-section done-step" aria-labelledby="done-title">
      <h2 id="done-title">{t('done.title')}</h2>
      <p>{t('done.saved')}</p>
      <p>{t('done.links')}</p>
      <PhoneLinksPanel />
      <div className="row">
        <button type="button" className="primary" onClick={onClose}>
          {t('done.close')}
        </button>
      </div>
    </section>
  );
}
