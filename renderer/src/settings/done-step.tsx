/**
 * The wizard's last step: Ringdesk is set up; make it the handler of phone links, and say what
 * the OS still asks of the user (Windows 10/11 wants the choice confirmed in Default Apps;
 * browsers ask once before handing a link to an app).
 */
import { useState } from 'react';
import type { CommandResult } from '../../../electron/contract/channels.js';
import { useI18n, useServices } from '../app-context.js';

type Registration = CommandResult<'registerLinkHandler'>;

export function DoneStep({ onClose }: { onClose: () => void }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const register = () => {
    bridge
      .invoke('registerLinkHandler', {})
      .then(setRegistration, (problem: unknown) =>
        setError(problem instanceof Error ? problem.message : String(problem)),
      );
  };
  return (
    <section className="settings-section done-step" aria-labelledby="done-title">
      <h2 id="done-title">{t('done.title')}</h2>
      <p>{t('done.saved')}</p>
      <p>{t('done.links')}</p>
      <button type="button" onClick={register}>
        {t('done.register')}
      </button>
      {error === null ? null : (
        <p className="test-verdict test-bad" role="alert">
          {error}
        </p>
      )}
      {registration === null ? null : (
        <div className="registration" role="status">
          {registration.registered.length > 0 ? (
            <p>{t('done.registered', { protocols: registration.registered.join(', ') })}</p>
          ) : null}
          {registration.refused.length > 0 ? (
            <p className="test-bad">{t('done.refused', { protocols: registration.refused.join(', ') })}</p>
          ) : null}
          <ol className="os-steps">
            {registration.steps.map((step) => (
              <li key={step}>
                {t(`linkStep.${step}`, {
                  schemes: registration.schemes.map((each) => each.scheme.toUpperCase()).join(', '),
                })}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={onClose}>
          {t('done.close')}
        </button>
      </div>
    </section>
  );
}
