/**
 * The LDAP directory against a throwaway slapd holding 10k and 100k generated people (numbers in
 * assorted formats, see electron/test-support/ldap-people.ts).
 *
 * - live: lookup latency p50/p95 of `directory.lookup`, against a bare ldapts search with the
 *   same filter and attributes on the same connection, interleaved call by call. The ratio is
 *   what the directory adds (building the filter, completing and checking every hit's numbers,
 *   the deadline); `overheadP50Us` is the same per pair, in microseconds. Goal: at most 1.2x.
 * - sync: entries per second from connect to a ready index, with the bare paged search of the
 *   same attributes for comparison. Goal: 100k entries in under 20 s.
 *
 * Without slapd it returns no results and says so loudly on stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { createLdapDirectory } from '../electron/contacts/ldap/ldap-directory.js';
import { LdaptsClient } from '../electron/contacts/ldap/ldapts-client.js';
import { requestedAttributes } from '../electron/contacts/ldap/ldap-entry.js';
import { liveFilter } from '../electron/contacts/ldap/ldap-number-forms.js';
import {
  DEFAULT_FILTER,
  ldapDirectorySchema,
  type LdapDirectoryInput,
} from '../electron/contacts/ldap/ldap-settings.js';
import { resolveDialingRules } from '../electron/numbers/dialing-rules.js';
import { peopleLdif } from '../electron/test-support/ldap-people.js';
import {
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
  slapdMissing,
  startSlapd,
} from '../electron/test-support/ldap-server.js';
import type { BenchResult } from './measure.js';

const rules = resolveDialingRules(
  { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3, outsideLineAccess: '0' },
  'DE',
);

const LOOKUPS = 1500;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The LDAP results for `npm run bench`: live lookup against a bare search and sync load speed,
 * each at 10k and 100k entries. Returns [] (and says so on stderr) when slapd is missing.
 */
export async function benchLdap(): Promise<BenchResult[]> {
  const missing = slapdMissing();
  if (missing !== null) {
    process.stderr.write(`\n*** LDAP benchmarks SKIPPED: ${missing} ***\n\n`);
    return [];
  }
  const results: BenchResult[] = [];
  // RINGDESK_BENCH_LDAP_SIZES=10000 runs one size only (for quick comparisons).
  const sizes = (process.env.RINGDESK_BENCH_LDAP_SIZES ?? '10000,100000').split(',').map(Number);
  for (const size of sizes) results.push(...(await benchSize(size)));
  return results;
}

async function benchSize(size: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-ldap-bench-'));
  const { ldif, people } = peopleLdif(size);
  let server: Awaited<ReturnType<typeof startSlapd>> | null = null;
  try {
    server = await startSlapd({ dir, ldif });
    const base: LdapDirectoryInput = {
      type: 'ldap',
      name: 'bench',
      url: server.url,
      baseDn: LDAP_SUFFIX,
      bindDn: LDAP_READER_DN,
      bindPassword: LDAP_READER_PASSWORD,
      pageSize: 1000,
      timeoutMs: 60_000,
    };

    // Sync: connect, bind, page through everything, build the index; against a bare paged
    // search of the same attributes, after one load that warms the server's caches for both.
    const syncSettings = ldapDirectorySchema.parse(base);
    const bare = new Client({ url: server.url, timeout: 60_000 });
    await bare.bind(LDAP_READER_DN, LDAP_READER_PASSWORD);
    const bareLoad = async () => {
      let count = 0;
      for await (const page of bare.searchPaginated(LDAP_SUFFIX, {
        filter: syncSettings.filter ?? DEFAULT_FILTER,
        attributes: requestedAttributes(syncSettings),
        paged: { pageSize: syncSettings.pageSize },
      }))
        count += page.searchEntries.length;
      return count;
    };
    await bareLoad();
    const sync = createLdapDirectory(syncSettings, { rules });
    const syncMs = await elapsedMs(() => sync.open());
    const loaded = (await sync.list()).length;
    await sync.close();
    const bareMs = await elapsedMs(bareLoad);
    await bare.unbind();

    // Live: the directory's lookup against a bare search of the same filter on its connection.
    const liveSettings = ldapDirectorySchema.parse({ ...base, mode: 'live' });
    const clients: Client[] = [];
    const live = await createLdapDirectory(liveSettings, {
      rules,
      createClient: (options) => {
        // The bare searches share the directory's connection, through a client of its own.
        const client = new LdaptsClient(options);
        clients.push(client.raw);
        return client;
      },
    }).open();
    const connection = clients.at(-1) as Client;
    // The attributes the directory asks for: the mapped ones and the entry's key and timestamp.
    const attributes = [...requestedAttributes(liveSettings), 'entryUUID', 'modifyTimestamp'];
    const keys: string[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const person = people[(i * 7_919) % size];
      const number = person?.numbers[i % person.numbers.length]?.e164;
      keys.push(i % 10 === 0 || number === undefined ? `+4921199${String(i).padStart(6, '0')}` : number);
    }
    const ours: number[] = [];
    const baseline: number[] = [];
    const overhead: number[] = [];
    let found = 0;
    for (const [i, key] of [...keys.slice(0, 100), ...keys].entries()) {
      const filter = liveFilter(
        key,
        rules,
        liveSettings.phoneAttributes,
        liveSettings.filter ?? DEFAULT_FILTER,
      );
      const bareSearch = () =>
        connection.search(LDAP_SUFFIX, { scope: liveSettings.scope, filter, attributes });
      const ourLookup = async () => {
        found += (await live.lookup(key)).length > 0 ? 1 : 0;
      };
      // Alternate who goes first, so that neither always meets a warm server cache.
      const [first, second] = i % 2 === 0 ? [ourLookup, bareSearch] : [bareSearch, ourLookup];
      const a = await elapsedMs(first);
      const b = await elapsedMs(second);
      if (i < 100) continue; // warm-up
      ours.push(i % 2 === 0 ? a : b);
      baseline.push(i % 2 === 0 ? b : a);
      overhead.push(i % 2 === 0 ? a - b : b - a);
    }
    await live.close();
    ours.sort((x, y) => x - y);
    baseline.sort((x, y) => x - y);
    overhead.sort((x, y) => x - y);
    const ratioP50 = percentile(ours, 50) / percentile(baseline, 50);
    const ratioP95 = percentile(ours, 95) / percentile(baseline, 95);
    const label = size.toLocaleString('en');
    return [
      {
        name: `LDAP live: lookup vs bare ldapts search, ${label} entries`,
        goal: 'ratio ≤ 1.2 at p50 and p95',
        met: ratioP50 <= 1.2 && ratioP95 <= 1.2,
        lookups: LOOKUPS,
        foundShare: round(found / (LOOKUPS + 100)),
        lookupP50Ms: round(percentile(ours, 50), 3),
        lookupP95Ms: round(percentile(ours, 95), 3),
        bareP50Ms: round(percentile(baseline, 50), 3),
        bareP95Ms: round(percentile(baseline, 95), 3),
        ratioP50: round(ratioP50),
        ratioP95: round(ratioP95),
        // What the directory adds per call, pair by pair: steadier than the ratio on a busy machine.
        overheadP50Us: Math.round(percentile(overhead, 50) * 1000),
      },
      {
        name: `LDAP sync: full load into the index, ${label} entries`,
        goal: size === 100_000 ? '100k entries < 20 s' : 'reported',
        met: size !== 100_000 || syncMs < 20_000,
        entries: loaded,
        seconds: round(syncMs / 1000),
        entriesPerSecond: Math.round(loaded / (syncMs / 1000)),
        barePagedSearchSeconds: round(bareMs / 1000),
        ratioToBare: round(syncMs / bareMs),
      },
    ];
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
