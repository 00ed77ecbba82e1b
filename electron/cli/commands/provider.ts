/**
 * `ringdesk provider test`: checks the configured line as a PBX integration page does before it
 * lets you switch the integration on: it connects (a login, a listener, a bridge handshake),
 * lists the lines where the provider can, runs the provider's own checks, and says exactly what
 * failed. `ringdesk provider log`: the requests a running host's line received lately.
 */
import { createProvider } from '../../companion/create-companion.js';
import type { LineProvider, ProviderCheck } from '../../telephony/line-provider.js';
import type { CliContext } from '../cli-context.js';
import { UsageError, type Command } from '../command.js';
import { callHost, hostUrl } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const CONNECT_TIMEOUT_MS = 15_000;

const provider: Command = {
  summary: 'test the configured line (provider test) or show the requests it received (provider log)',
  usage: 'provider test [--config FILE] | provider log [--url URL]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      url: { type: 'string' },
    });
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
    if (action === 'test') return test(context, values.config);
    if (action === 'log') {
      const answer = await callHost(await hostUrl(values.url, context.io), 'api/provider/log');
      if (answer.status !== 200) {
        context.emit({ error: String(answer.body.error) });
        return 0;
      }
      for (const entry of (answer.body.requests as object[] | undefined) ?? []) context.emit(entry);
      return 0;
    }
    throw new UsageError(
      action === undefined ? 'say test or log' : `unknown provider action "${action.slice(0, 20)}"`,
    );
  },
};

async function test(context: CliContext, config: string | undefined): Promise<number> {
  const settings = await context.settings(config);
  let line: LineProvider;
  try {
    line = createProvider(settings, { now: Date.now, env: context.io.env, isBlocked: () => false });
  } catch (error) {
    report(context, [
      { check: 'settings', ok: false, detail: error instanceof Error ? error.message : String(error) },
    ]);
    return 0;
  }
  const checks: ProviderCheck[] = [];
  try {
    await withTimeout(line.connect(), CONNECT_TIMEOUT_MS);
    checks.push({ check: 'connect', ok: true, detail: `${line.kind} connected (line ${line.line})` });
    if (line.listLines !== undefined) {
      const lines = await line.listLines();
      const known = lines.some((each) => each.id === line.line || each.name === line.line);
      const names = lines.map((each) => `${each.id} "${each.name}"`).join(', ') || 'none';
      checks.push({
        check: 'line',
        ok: known,
        detail: known
          ? `line ${line.line} found among: ${names}`
          : `line ${line.line} is not among the lines: ${names}`,
      });
    }
    if (line.selfTest !== undefined) checks.push(...(await line.selfTest()));
  } catch (error) {
    checks.push({
      check: 'connect',
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    });
  } finally {
    await line.disconnect().catch(() => undefined);
  }
  report(context, checks);
  return 0;
}

function report(context: CliContext, checks: readonly ProviderCheck[]): void {
  for (const check of checks) context.emit(check);
  const ok = checks.every((check) => check.ok);
  context.emit({ ok });
  context.say(
    ok
      ? 'the line works'
      : `the line does not work: ${checks
          .filter((check) => !check.ok)
          .map((check) => check.detail)
          .join('; ')}`,
  );
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export default provider;
