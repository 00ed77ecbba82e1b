/** `ringdesk serve`: runs the headless host until interrupted. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCompanion } from '../../companion/create-companion.js';
import { HeadlessHost } from '../../host/headless-host.js';
import { bundledTemplatesDir } from '../../popup/template-store.js';
import { loadSettings } from '../../settings/load-settings.js';
import { userDataDir } from '../../settings/settings-paths.js';
import { SimulatorProvider } from '../../telephony/simulator-provider.js';
import { demoConfigFile, rendererDir } from '../app-paths.js';
import { UsageError, type Command } from '../command.js';
import { DEFAULT_PORT, hostFile } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const serve: Command = {
  summary: 'run the headless host: the UI in any browser, the control API for `ringdesk sim`',
  usage: 'serve [--config FILE | --demo] [--port N] [--host ADDRESS]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    if (values.demo === true && values.config !== undefined)
      throw new UsageError('--demo brings its own configuration');
    const port = Number(values.port ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0..65535');

    const settings =
      values.demo === true
        ? await loadSettings(demoConfigFile(), { defaultRegion: context.defaultRegion, required: true })
        : await context.settings(values.config);
    const home = userDataDir(context.io);
    const dataDir = values.demo === true ? path.join(home, 'demo') : home;
    const parts = await createCompanion(settings, {
      dataDir,
      templatesDir: bundledTemplatesDir(),
      locale: context.io.locale,
      env: context.io.env,
      onWarning: (message) => context.say(`warning: ${message}`),
    });
    await parts.companion.start();
    const host = new HeadlessHost({
      companion: parts.companion,
      line: parts.provider,
      simulator: parts.provider instanceof SimulatorProvider ? parts.provider : null,
      rendererDir: rendererDir(),
      host: values.host ?? '127.0.0.1',
      port,
    });
    const url = await host.start();
    mkdirSync(home, { recursive: true });
    const announcement = hostFile(context.io);
    writeFileSync(announcement, JSON.stringify({ url, pid: process.pid }));
    context.emit({ url });
    context.say(
      `Ringdesk is serving on ${url} (line: ${settings.line.provider} ${settings.line.line}). Ctrl+C stops it.`,
    );

    await context.io.waitForInterrupt();
    context.say('stopping…');
    await host.stop();
    await parts.companion.stop();
    rmSync(announcement, { force: true });
    return 0;
  },
};

export default serve;
