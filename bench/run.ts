/**
 * `npm run bench`: runs every benchmark and prints one JSON line per result on stdout, with a
 * readable summary on stderr. Goals are reported, never enforced: benchmarks do not fail CI.
 */
import { benchNumbers } from './numbers.bench.js';
import type { BenchResult } from './measure.js';

const benches: (() => BenchResult | Promise<BenchResult>)[] = [benchNumbers];

for (const bench of benches) {
  const result = await bench();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const details = Object.entries(result)
    .filter(([key]) => !['name', 'goal', 'met'].includes(key))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  process.stderr.write(`${result.met ? 'MET ' : 'MISS'} ${result.name} (goal ${result.goal}): ${details}\n`);
}
