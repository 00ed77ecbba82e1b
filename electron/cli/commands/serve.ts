/** `ringdesk serve`: runs the headless host until interrupted. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompanionRuntime } from '../../companion/companion-runtime.js';
import { createCompanion } from '../../companion/create-companion.js';
import { SettingsService } from '../../companion/settings-service.js';
import { HeadlessHost } from '../../host/headless-host.js';
import { bundledTemplatesDir } from '../../popup/template-store.js';
import { openHostSecretStore } from '../../settings/host-secrets.js';
import { loadSettings, type Settings } from '../../settings/load-settings.js';
import { defaultSettingsPath, userDataDir } from '../../settings/settings-paths.js';
import { demoConfigFile, rendererDir } from '../app-paths.js';
import { UsageError, type Command } from '../command.js';
import { DEFAULT_PORT, hostFile } from '../host-client.js';
import { registerLinkOpener } from '../link-registration.js';
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
    const demo = values.demo === true;
    if (demo && values.config !== undefined) throw new UsageError('--demo brings its own configuration');
    const port = Number(values.port ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0..65535');

    const home = userDataDir(context.io);
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const dataDir = demo ? path.join(home, 'demo') : home;
    const configFile = demo ? demoConfigFile() : (values.config ?? defaultSettingsPath(context.io));
    const secrets = await openHostSecretStore(home, (message) => context.say(`warning: ${message}`));
    const settings = await loadSettings(configFile, {
      defaultRegion: context.defaultRegion,
      required: demo || values.config !== undefined,
      secrets,
    });
    const environment = {
      dataDir,
      templatesDir: bundledTemplatesDir(),
      locale: context.io.locale,
      env: context.io.env,
      onWarning: (message: string) => context.say(`warning: ${message}`),
    };
    const runtime = await CompanionRuntime.start(settings, (each) => createCompanion(each, environment));
    let current: Settings = settings;
    // The demo's settings come with the app and are not the user's to change.
    const service = demo
      ? null
      : new SettingsService({
          file: configFile,
          defaultRegion: context.defaultRegion,
          secrets,
          env: context.io.env,
          current: () => current,
          popups: () => runtime.parts.popups,
          templates: () => runtime.parts.templates,
          onSaved: async (saved) => {
            await runtime.replace(saved);
            current = saved;
          },
        });
    const host = new HeadlessHost({
      runtime,
      settings: service,
      rendererDir: rendererDir(),
      host: values.host ?? '127.0.0.1',
      port,
      // The wizard's "Handle phone links": on Linux, the same as `ringdesk link register`.
      face: {
        registerLinkHandler: async () => {
          const { registered, refused, steps } = await registerLinkOpener({
            ...context.io,
            sip: current.links.sip,
          });
          return { registered, refused, steps };
        },
      },
    });
    const url = await host.start();
    const announcement = hostFile(context.io);
    writeFileSync(announcement, JSON.stringify({ url, pid: process.pid }));
    context.emit({ url });
    context.say(
      `Ringdesk is serving on ${url} (line: ${settings.line.provider} ${settings.line.line}). Ctrl+C stops it.`,
    );

    await context.io.waitForInterrupt();
    context.say('stopping…');
    await host.stop();
    await runtime.stop();
    rmSync(announcement, { force: true });
    return 0;
  },
};

export default serve;
