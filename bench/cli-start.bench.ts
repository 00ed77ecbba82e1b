/**
 * How fast the `ringdesk` command starts, as ratios to `node -e 0` measured in the same run
 * (a bare Node start is the least any command costs):
 * - `ringdesk number 12`, wall time per run (goal: p50 at most 2.5x `node -e 0`);
 * - a phone link clicked to the dial: `ringdesk link open tel:...` against a running host on the
 *   simulator line, until the simulator has recorded the dial (goal: p95 at most 3x `node -e 0`).
 *   The link is dialled without asking (`links.confirm` off), as a confirmation waits for a person.
 * Runs are interleaved with the baseline so that load on the machine affects both alike.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RINGDESK_BIN, startServe } from '../electron/test-support/serve-process.js';
import { median, type BenchResult } from './measure.js';

const RUNS = 25;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Wall time of one child process, in milliseconds; rejects when it exits non-zero. */
function timeRun(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(Number(process.hrtime.bigint() - start) / 1e6);
      else reject(new Error(`${args.join(' ')} exited with ${String(code)}: ${stderr}`));
    });
  });
}

async function interleaved(
  runs: number,
  candidate: () => Promise<number>,
  env: NodeJS.ProcessEnv,
): Promise<{ base: number[]; cand: number[] }> {
  const base: number[] = [];
  const cand: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const b = await timeRun(['-e', '0'], env);
    const c = await candidate();
    if (run >= 2) {
      base.push(b);
      cand.push(c);
    }
  }
  return { base, cand };
}

export async function benchCliStart(): Promise<BenchResult[]> {
  if (!existsSync(path.join(path.dirname(RINGDESK_BIN), '..', 'dist', 'cli', 'ringdesk.js'))) {
    process.stderr.write('SKIP cli start: the CLI is not bundled (npm run build:cli)\n');
    return [];
  }
  const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-bench-cli-'));
  const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' };
  try {
    const number = await interleaved(RUNS, () => timeRun([RINGDESK_BIN, 'number', '12'], env), env);
    const numberRatio = median(number.cand) / median(number.base);
    const link = await benchLink(home, env);
    return [
      {
        name: '`ringdesk number 12` start to exit vs `node -e 0`',
        goal: 'p50 ratio ≤ 2.5',
        met: numberRatio <= 2.5,
        p50Ms: Number(median(number.cand).toFixed(1)),
        baselineP50Ms: Number(median(number.base).toFixed(1)),
        ratioP50: Number(numberRatio.toFixed(2)),
      },
      link,
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function benchLink(home: string, env: NodeJS.ProcessEnv): Promise<BenchResult> {
  const config = path.join(home, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      dialingRules: { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3 },
      links: { confirm: false },
    }),
  );
  const host = await startServe({ ...env, RINGDESK_CONFIG: config });
  try {
    let dials = 0;
    const click = async (): Promise<number> => {
      const ms = await timeRun([RINGDESK_BIN, 'link', 'open', '--', 'tel:+49-211-5551234'], env);
      dials++;
      const recorded = await dialledCount(host);
      if (recorded !== dials) throw new Error(`the simulator recorded ${recorded} dials, expected ${dials}`);
      return ms;
    };
    const { base, cand } = await interleaved(RUNS, click, env);
    const ratio = percentile(cand, 95) / percentile(base, 95);
    return {
      name: 'phone link clicked to dial: `ringdesk link open tel:…` until the simulator recorded it, vs `node -e 0`',
      goal: 'p95 ratio ≤ 3',
      met: ratio <= 3,
      p50Ms: Number(median(cand).toFixed(1)),
      p95Ms: Number(percentile(cand, 95).toFixed(1)),
      baselineP95Ms: Number(percentile(base, 95).toFixed(1)),
      ratioP95: Number(ratio.toFixed(2)),
    };
  } finally {
    await host.stop();
  }
}

async function dialledCount(host: { readonly url: string; readonly key: string }): Promise<number> {
  const response = await fetch(new URL('/api/sim/dialled', host.url), {
    headers: { Authorization: `Bearer ${host.key}` },
  });
  return ((await response.json()) as { dialled: unknown[] }).dialled.length;
}
