/**
 * Runs the fake bridge (tapi-fake-bridge.js, a Node script speaking the bridge protocol) as the
 * `tapi` provider's bridge process: a real child process, so contract tests cover pipes, exits
 * and kills as they happen, without Windows or Wine.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  spawnBridgeProcess,
  type BridgeProcess,
  type SpawnBridge,
} from '../telephony/tapi/bridge-process.js';

/** The fake bridge script. */
export const FAKE_BRIDGE_SCRIPT = fileURLToPath(new URL('./tapi-fake-bridge.js', import.meta.url));

/** How the fake bridge behaves; every field is optional and the defaults make a working line. */
export interface FakeBridgeScript {
  /** The hello to send (default protocol 1); null sends none. */
  readonly hello?: Record<string, unknown> | null;
  /** Messages before the hello (objects as JSON, strings as they are). */
  readonly beforeHello?: readonly unknown[];
  /** Messages right after the hello. */
  readonly afterHello?: readonly unknown[];
  /** Exit with this code right after the hello (and `afterHello`). */
  readonly exitAfterHello?: number;
  /** Written to stderr at start: noise the provider must ignore. */
  readonly stderr?: string;
  /** The lines `lines` lists (default "Fake Line 1" (0) and "Fake Line 2" (1)). */
  readonly lines?: readonly Record<string, unknown>[];
  /** `open` fails with this TAPI error. */
  readonly openError?: string;
  /** Messages after the `open` reply; `{repeat, count}` writes one line of `count` repeats. */
  readonly afterOpen?: readonly unknown[];
  /** Exit with this code after the `open` reply and `afterOpen`. */
  readonly exitAfterOpen?: number;
  /** For each `dial` in turn: fail with `error`, or report `states` (default ["dialing"]), first if `statesFirst`. */
  readonly dials?: readonly { error?: string; states?: readonly string[]; statesFirst?: boolean }[];
  /** `drop` fails with this TAPI error. */
  readonly dropError?: string;
  /** Ops the fake never answers. */
  readonly silent?: readonly string[];
  /** Keep running when stdin ends (so the provider must kill it). */
  readonly ignoreEof?: boolean;
}

/** A fake bridge's spawn function and what its processes did. */
export interface FakeBridge {
  /** The spawn function for the provider. */
  readonly spawn: SpawnBridge;
  /** Every bridge process started, oldest first (a test kills one to simulate a crash). */
  readonly started: BridgeProcess[];
  /** The requests the fake bridges read, parsed, oldest first. */
  requests(): Record<string, unknown>[];
}

/** A fake bridge that behaves as `script` says, logging requests into `dir`. */
export function fakeBridge(dir: string, script: FakeBridgeScript = {}): FakeBridge {
  const log = path.join(dir, 'bridge-requests.jsonl');
  const started: BridgeProcess[] = [];
  return {
    started,
    spawn: (bridgePath) => {
      const child = spawnBridgeProcess(bridgePath, {
        command: process.execPath,
        args: [FAKE_BRIDGE_SCRIPT],
        env: {
          ...process.env,
          RINGDESK_FAKE_BRIDGE_SCRIPT: JSON.stringify(script),
          RINGDESK_FAKE_BRIDGE_LOG: log,
        },
      });
      started.push(child);
      return child;
    },
    requests: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as Record<string, unknown>)
        : [],
  };
}
