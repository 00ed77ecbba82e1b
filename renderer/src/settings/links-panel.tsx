/**
 * Phone links, as they really stand: for every scheme Ringdesk offers (tel, callto, phone; sip
 * when on), who opens it now as the OS answers (Ringdesk, another app by name, or nothing), with
 * "Handle phone links", "Give them back" and, on Windows, "Open Default Apps" (where the user
 * must choose Ringdesk since Windows 8). The status is checked again whenever the window gets the
 * focus back (the user returns from Default Apps), after each save, and on "Check again". Used by
 * the wizard's last step and by the settings.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CommandResult, LinkHandlerStep, LinkStatus } from '../../../electron/contract/channels.js';
import { useI18n, useServices } from '../app-context.js';

type Registration = CommandResult<'registerLinkHandler'>;

export function PhoneLinksPanel({ refreshKey }: { readonly refreshKey?: unknown }) {
  const { bridge } = useServices();
  const { t } = useI18n();
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const [steps, setSteps] = useState<readonly LinkHandlerStep[]>([]);
  const [registered, setRegistered] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (problem: unknown) => setError(problem instanceof Error ? problem.message : String(problem));
  const check = useCallback(() => {
    bridge.invoke('linkStatus', {}).then((next) => {
      setStatus(next);
      setError(null);
    }, fail);
  }, [bridge]);
  useEffect(() => {
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [check, refreshKey]);
  const register = () => {
    bridge.invoke('registerLinkHandler', {}).then((result: Registration) => {
      setSteps(result.steps);
      setRegistered(result.registered);
      setStatus((before) => ({
        schemes: result.schemes,
        defaultApps: before?.defaultApps ?? false,
        remembered: true,
      }));
      setError(null);
    }, fail);
  };
  const unregister = () => {
    bridge.invoke('unregisterLinkHandler', {}).then((next) => {
      setStatus(next);
      setSteps([]);
      setRegistered(null);
    }, fail);
  };
  const openDefaultApps = () => {
    bridge.invoke('openDefaultApps', {}).catch(fail);
  };
  const schemes = status?.schemes ?? [];
  const named = schemes.map((each) => each.scheme.toUpperCase()).join(', ');
  const missing = schemes.some((each) => each.state !== 'handled');
  return (
    <div className="phone-links">
      {schemes.length === 0 ? null : (
        <ul className="link-status" aria-label={t('links.statusLabel')}>
          {schemes.map((each) => (
            <li key={each.scheme} data-state={each.state}>
              <span className="link-scheme">{each.scheme}:</span>{' '}
              {each.state === 'handled'
                ? t('links.handled')
                : each.state === 'other'
                  ? t('links.other', { app: each.app ?? '?' })
                  : t('links.none')}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" onClick={register}>
          {t('done.register')}
        </button>
        {status?.defaultApps === true ? (
          <button type="button" onClick={openDefaultApps}>
            {t('links.openDefaultApps')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={check}>
          {t('links.check')}
        </button>
        {status?.remembered === true ? (
          <button type="button" className="secondary" onClick={unregister}>
            {t('links.unregister')}
          </button>
        ) : null}
      </div>
      {status?.defaultApps === true && missing ? (
        <p className="field-help">{t('linkStep.windows-default-apps', { schemes: named })}</p>
      ) : null}
      {registered === null ? null : (
        <div className="registration" role="status">
          {registered.length > 0 ? <p>{t('done.registered', { protocols: registered.join(', ') })}</p> : null}
          <ol className="os-steps">
            {steps
              .filter((step) => step !== 'windows-default-apps')
              .map((step) => (
                <li key={step}>{t(`linkStep.${step}`, { schemes: named })}</li>
              ))}
          </ol>
        </div>
      )}
      {error === null ? null : (
        <p className="test-verdict test-bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
