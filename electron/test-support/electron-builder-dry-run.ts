/**
 * Runs electron-builder with the project's own configuration (build/electron-builder.json) on a
 * placeholder Electron (fake-electron-dist.ts), offline, into a throwaway folder.
 *
 * The `dir` target packages for real (app.asar, resources, renamed executable, fuses, ASAR
 * integrity). Installer targets (AppImage, deb, nsis) run electron-builder's own code up to the
 * point where it would start the external tool it downloads (appimagetool, fpm, makensis):
 * `effectiveOptionComputed` hands over what the tool would get — the generated desktop entry,
 * the fpm arguments, the NSIS defines — and stops the target there.
 *
 * The only deviation from the shipped configuration: Windows resource editing is off
 * (`signAndEditExecutable: false`), as it runs rcedit, a downloaded tool.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Arch, build, Platform, type Configuration } from 'electron-builder';

/** The project's configuration file. */
export const BUILDER_CONFIG = new URL('../../build/electron-builder.json', import.meta.url);

/** What an installer target would have handed to its tool. */
export interface EffectiveOptions {
  /** AppImage: the desktop entry it would embed. */
  readonly appImageDesktop?: string;
  /** deb: fpm's arguments and the desktop entry it would install. */
  readonly deb?: { readonly args: readonly string[]; readonly desktop: string };
  /** nsis: the defines and commands makensis would get. */
  readonly nsis?: { readonly defines: Record<string, unknown>; readonly commands: Record<string, unknown> };
}

export interface DryRunOptions {
  readonly platform: 'linux' | 'windows' | 'mac';
  readonly targets: readonly string[];
  /** The placeholder Electron folder. */
  readonly electronDist: string;
  /** Where the packaged app goes. */
  readonly output: string;
}

/** The shipped configuration, read fresh. */
export function builderConfig(): Configuration {
  return JSON.parse(readFileSync(BUILDER_CONFIG, 'utf8')) as Configuration;
}

/** Packages the app; resolves with what the installer targets would have handed to their tools. */
export async function packageWithPlaceholder(options: DryRunOptions): Promise<EffectiveOptions> {
  const config = builderConfig();
  const platform = { linux: Platform.LINUX, windows: Platform.WINDOWS, mac: Platform.MAC }[options.platform];
  const effective: { -readonly [K in keyof EffectiveOptions]: EffectiveOptions[K] } = {};
  await build({
    projectDir: fileURLToPath(new URL('../..', import.meta.url)),
    targets: platform.createTarget([...options.targets], Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist: options.electronDist,
      directories: { ...config.directories, output: options.output },
      win: { ...config.win, signAndEditExecutable: false },
    },
    effectiveOptionComputed: (computed: unknown) => {
      if (Array.isArray(computed) && typeof computed[1] === 'string') {
        effective.deb = { args: computed[0] as string[], desktop: readFileSync(computed[1], 'utf8') };
      } else if (Array.isArray(computed)) {
        const [defines, commands] = computed as [Record<string, unknown>, Record<string, unknown>];
        effective.nsis = { defines, commands };
      } else if (typeof computed === 'object' && computed !== null && 'desktop' in computed) {
        effective.appImageDesktop = String(computed.desktop);
      }
      return Promise.resolve(true);
    },
  });
  return effective;
}
