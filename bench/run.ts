/**
 * `npm run bench`: runs every benchmark and prints one JSON line per result on stdout, with a
 * readable summary on stderr. Goals are reported, never enforced: benchmarks do not fail CI.
 */
import { benchAmi } from './ami.bench.js';
import { benchCliStart } from './cli-start.bench.js';
import { benchIndex } from './index.bench.js';
import { benchLdapAd } from './ldap-ad.bench.js';
import { benchLdap } from './ldap.bench.js';
import { benchLookup } from './lookup.bench.js';
import type { BenchResult } from './measure.js';
import { benchNumbers } from './numbers.bench.js';
import { benchScreenPop } from './screen-pop.bench.js';

type Bench = () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>;
const benches: Bench[] = [
  benchNumbers,
  benchIndex,
  benchLookup,
  benchAmi,
  benchLdap,
  benchLdapAd,
  benchScreenPop,
  benchCliStart,
];

const only = process.argv[2];
for (const bench of benches) {
  if (only !== undefined && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
  for (const result of [await bench()].flat()) report(result);
}

function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const details = Object.entries(result)
    .filter(([key]) => !['name', 'goal', 'met'].includes(key))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  process.stderr.write(`${result.met ? 'MET ' : 'MISS'} ${result.name} (goal ${result.goal}): ${details}\n`);
}
