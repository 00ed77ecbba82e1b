/** A test's verdict: one line per check, ✓ or ✗, with what was found or what to fix. */
import { useI18n } from '../app-context.js';

type Check = { check: string; ok: boolean; detail: string; problem?: string };

export function TestVerdict({
  ok,
  checks,
  okText,
  words,
}: {
  ok: boolean;
  checks: readonly Check[];
  okText: string;
  /** A check in the agent's words (then its detail is shown as code), or null for the detail. */
  words?: (check: Check) => string | null;
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
            <strong>{check.check}</strong>: <CheckDetail check={check} said={words?.(check) ?? null} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function CheckDetail({ check, said }: { check: Check; said: string | null }) {
  if (said === null) return <>{check.detail}</>;
  return (
    <>
      {said} <code className="check-detail">{check.detail}</code>
    </>
  );
}
