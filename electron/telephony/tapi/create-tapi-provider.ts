/**
 * Builds the `tapi` provider from its settings and the edges it needs: how to start the bridge
 * (child_process by default), timers, and where the bridge that comes with Ringdesk lives.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { systemClock, type Schedule } from '../../shared/clock.js';
import { spawnBridgeProcess, type SpawnBridge } from './bridge-process.js';
import { TapiProvider } from './tapi-provider.js';
import type { TapiLineSettings } from './tapi-settings.js';

/** The bridge's file name, in the packaged app's resources and in dist/native/. */
export const BRIDGE_FILE = 'tapi-bridge.exe';

/** The edges of the `tapi` provider; only `defaultBridgePath` has no default. */
export interface TapiProviderDeps {
  /**
   * The bridge that comes with Ringdesk, used when the settings name no `bridgePath`; see
   * {@link bundledBridgePath}.
   */
  readonly defaultBridgePath: string;
  /** Starts the bridge; default: runs it directly, on Windows only. */
  readonly spawn?: SpawnBridge | undefined;
  /** Timers; default: setTimeout. */
  readonly schedule?: Schedule | undefined;
  /** The agent's dialing rules (with `canonical`, extensions are dialled as they are). */
  readonly rules?: DialingRules | undefined;
  /** Default: process.platform. Only Windows has TAPI. */
  readonly platform?: NodeJS.Platform | undefined;
  /** How long disconnect() lets the bridge close the line before killing it (default 3 s). */
  readonly closeGraceMs?: number | undefined;
}

/** The provider for a `tapi` line. Nothing starts until connect(). */
export function createTapiProvider(settings: TapiLineSettings, deps: TapiProviderDeps): TapiProvider {
  const platform = deps.platform ?? process.platform;
  return new TapiProvider({
    settings,
    bridgePath: settings.bridgePath ?? deps.defaultBridgePath,
    spawn: deps.spawn ?? (platform === 'win32' ? (file) => spawnBridgeProcess(file) : notOnWindows(platform)),
    schedule: deps.schedule ?? systemClock.schedule,
    rules: deps.rules,
    closeGraceMs: deps.closeGraceMs,
  });
}

/**
 * Where the bridge that comes with Ringdesk is: in the packaged app's resources folder
 * (`process.resourcesPath`, where electron-builder's extraResources put it) when it is there,
 * else in `dist/native/` of the nearest folder above `from` (this module) that has one (`npm run
 * build:tapi`, for development). When neither exists, the packaged place (or `dist/native/` of
 * the working folder), so that the error names where the bridge should be.
 */
export function bundledBridgePath(
  resourcesPath?: string,
  from: string = fileURLToPath(import.meta.url),
): string {
  const packaged = resourcesPath === undefined ? null : path.join(resourcesPath, BRIDGE_FILE);
  if (packaged !== null && existsSync(packaged)) return packaged;
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    const built = path.join(dir, 'dist', 'native', BRIDGE_FILE);
    if (existsSync(built)) return built;
    if (path.dirname(dir) === dir) break;
  }
  return packaged ?? path.join(process.cwd(), 'dist', 'native', BRIDGE_FILE);
}

function notOnWindows(platform: string): SpawnBridge {
  return () => {
    throw new Error(`TAPI exists only on Windows, and this is ${platform}`);
  };
}
