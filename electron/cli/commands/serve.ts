/** `ringdesk serve`: runs the headless host until interrupted. */
import { mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { boot } from '../../companion/boot.js';
import { siteSource } from '../../companion/settings/site-source.js';
import { installCrashPolicy } from '../../companion/crash-policy.js';
import { HeadlessHost } from '../../host/headless-host.js';
import { ensureHostKey, hostFilePath, writeHostFile } from '../../host/host-file.js';
import { bundledTemplatesDir } from '../../popup/template-store.js';
import { openHostSecretStore } from '../../settings/host-secrets.js';
import { defaultSettingsPath, userDataDir } from '../../settings/settings-paths.js';
import { demoConfigFile, rendererDir } from '../app-paths.js';
import { UsageError, type Command } from '../command.js';
import { DEFAULT_PORT } from '../host-client.js';
import { hostLinkFace } from '../link-registration.js';
import { lineWhere } from '../../shell/line-text.js';
import { parseOptions } from '../parse-options.js';

const serve: Command = {
  summary: 'run the headless host: the UI in any browser, the control API for `ringdesk sim`',
  usage: 'serve [--config FILE | --demo] [--site FILE|URL] [--port N] [--host ADDRESS]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      site: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    const demo = values.demo === true;
    if (demo && (values.config !== undefined || values.site !== undefined))
      throw new UsageError('--demo brings its own configuration');
    const port = Number(values.port ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0..65535');

    const home = userDataDir(context.io);
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const dataDir = demo ? path.join(home, 'demo') : home;
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // The demo and the profile each have their own host file, and so their own key.
    const announcement = hostFilePath(dataDir);
    const warn = (message: string) => context.say(`warning: ${message}`);
    const key = await ensureHostKey(announcement, warn);
    const configFile = demo ? demoConfigFile() : (values.config ?? defaultSettingsPath(context.io));
    const booted = await boot({
      configFile,
      required: demo || values.config !== undefined,
      // The demo's settings come with the app and are not the user's to change.
      editable: !demo,
      profileDir: home,
      dataDir,
      templatesDir: bundledTemplatesDir(),
      locale: context.io.locale,
      defaultRegion: context.defaultRegion,
      env: context.io.env,
      openSecrets: () => openHostSecretStore(home, warn),
      onWarning: warn,
      // The demo is the same everywhere; a real host takes its site's settings (site-source.ts).
      siteSource: demo
        ? null
        : (siteOption(values.site) ?? siteSource(context.io.env, ['/etc/ringdesk/site.json'])),
    });
    const { runtime } = booted;
    const bindHost = values.host ?? '127.0.0.1';
    const host = new HeadlessHost({
      runtime,
      settings: booted.settings,
      rendererDir: rendererDir(),
      key,
      host: bindHost,
      port,
      onError: warn,
      // The wizard's and settings' phone links: on Linux, the same as `ringdesk link register`.
      face: hostLinkFace(context.io, () => booted.current().links.sip),
    });
    let url: string;
    try {
      url = await host.start();
    } catch (error) {
      await runtime.stop();
      const problem = listenProblem(error, bindHost, port);
      if (problem === null) throw error;
      context.say(`ringdesk serve: ${problem}`);
      return 2;
    }
    await writeHostFile(announcement, { key, url, pid: process.pid });
    const open = `${url}?key=${key}`;
    context.emit({ url, open, hostFile: announcement });
    if (!isLoopback(bindHost))
      warn(
        `--host ${bindHost}: the API is now reachable from the network, behind the key only, over unencrypted HTTP; anyone who can read the traffic can take the key (it is in ${announcement})`,
      );
    context.say(
      `Ringdesk is serving on ${url} (line ${booted.current().line.line} on ${lineWhere(runtime.companion.lineStatus(), 'en')}). Open ${open} in your browser. Ctrl+C stops it.`,
    );

    // What escapes every handler: logged, the journal flushed, the runtime restarted (crash-policy.ts).
    let fatal: (reason: string) => void = () => undefined;
    const failed = new Promise<string>((resolve) => (fatal = resolve));
    const events = context.io.processEvents;
    const uninstall =
      events === undefined
        ? () => undefined
        : installCrashPolicy({
            process: events,
            restart: () => runtime.restart(),
            stop: () => runtime.stop(),
            log: (message) => context.say(message),
            onFatal: fatal,
            locale: () => {
              const { language } = booted.current().app;
              return language === 'auto' ? context.io.locale : language;
            },
            now: Date.now,
          });
    const reason = await Promise.race([context.io.waitForInterrupt().then(() => null), failed]);
    context.say('stopping…');
    await host.stop();
    // After a fatal error the policy has already stopped the runtime (and flushed the journal).
    if (reason === null) await runtime.stop();
    uninstall();
    await writeHostFile(announcement, { key });
    return reason === null ? 0 : 1;
  },
};

/** `--site`: a URL as given, a file against the working folder. */
function siteOption(value: string | undefined): string | undefined {
  if (value === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  return path.resolve(value);
}

/**
 * What to tell the user when the host cannot listen, in one line; null for a failure that is no
 * matter of the address or port (then it is a bug, reported as such).
 */
export function listenProblem(error: unknown, host: string, port: number): string | null {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EADDRINUSE':
      return `port ${port} is in use: is Ringdesk already running? use --port`;
    case 'EACCES':
      return `port ${port} needs administrator rights on this system: use --port with a number above 1023`;
    case 'EADDRNOTAVAIL':
      return `--host ${host} is not an address of this machine`;
    default:
      return null;
  }
}

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

export default serve;
