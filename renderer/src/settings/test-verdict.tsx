/** A test's verdict: one line per check, ✓ or ✗, with what was found or what to fix. */
import { useI18n } from '../app-context.js';

export function TestVerdict({
  ok,
  checks,
  okText,
}: {
  ok: boolean;
  checks: readonly { check: string; ok: boolean; detail: string }[];
  okText: string;
}) {
  const { t } = useI18n();
  return (
    <div className={`test-verdict ${ok ? 'test-good' : 'test-bad'}`} role={ok ? 'status' : 'alert'}>
      <p className="test-summary">{ok ? okText : t('test.notYet')}</p>
      <ul>
        {checks.map((check, index) => (
          <li key={`${check.check}-${index}`} data-ok={check.ok}>
            <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{check.ok ? t('test.passed') : t('test.failed')}</span>
            <strong>{check.check}</strong>: {check.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
