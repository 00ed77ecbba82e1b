/**
 * The LDAP directory against the Active-Directory-like slapd profile (plain-text phone matching,
 * no phone index; see electron/test-support/ldap-ad-profile.ts) holding 100,000 people:
 *
 * - delta sync: after a full load, 100 people change (a new number each, with new USNs and the
 *   root DSE's highest committed USN, as a domain controller records them); the time of the
 *   delta that fetches them, as a ratio to the full load measured in the same run. Goal ≤ 0.05.
 * - live lookup: what one lookup costs when the server must walk every entry (p50 of a few
 *   lookups), against the sync-mode lookup of the same numbers, to show why sync is AD's mode.
 *
 * Without slapd it returns no results and says so loudly on stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLdapDirectory } from '../electron/contacts/ldap/ldap-directory.js';
import { ldapDirectorySchema } from '../electron/contacts/ldap/ldap-settings.js';
import { resolveDialingRules } from '../electron/numbers/dialing-rules.js';
import { DirectoryChanges } from '../electron/test-support/ldap-directory-changes.js';
import { highestUsnOf, peopleLdif, PEOPLE_DN } from '../electron/test-support/ldap-people.js';
import {
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  slapdMissing,
  startSlapd,
} from '../electron/test-support/ldap-server.js';
import type { BenchResult } from './measure.js';

const rules = resolveDialingRules(
  { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3, outsideLineAccess: '0' },
  'DE',
);
const SIZE = 100_000;
const CHANGES = 100;
const LIVE_LOOKUPS = 7;

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** The AD-profile results for `npm run bench`. */
export async function benchLdapAd(): Promise<BenchResult[]> {
  const missing = slapdMissing();
  if (missing !== null) {
    process.stderr.write(`\n*** LDAP AD benchmarks SKIPPED: ${missing} ***\n\n`);
    return [];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-ldap-ad-bench-'));
  const { ldif, people } = peopleLdif(SIZE, [], 'ad');
  const server = await startSlapd({ dir, ldif, profile: 'ad', highestCommittedUsn: highestUsnOf(SIZE) });
  const changes = new DirectoryChanges(server, highestUsnOf(SIZE));
  try {
    const base = {
      type: 'ldap',
      name: 'bench',
      url: server.url,
      baseDn: PEOPLE_DN,
      bindDn: LDAP_READER_DN,
      bindPassword: LDAP_READER_PASSWORD,
      pageSize: 1000,
      timeoutMs: 120_000,
    };
    const sync = createLdapDirectory(ldapDirectorySchema.parse(base), { rules, resync: false });
    const fullMs = await elapsedMs(() => sync.open());
    for (let i = 0; i < CHANGES; i++)
      await changes.modify(people[(i * 997) % SIZE]?.dn ?? '', {
        telephoneNumber: `+49 211 6${String(i).padStart(6, '0')}`,
      });
    await changes.commit(); // a restart: the delta also reconnects, as after a DC restart
    const deltaMs = await elapsedMs(() => sync.refresh());
    const report = sync.lastSync;
    const found = (await sync.lookup('+492116000042')).length;
    const fullAgainMs = await elapsedMs(async () => {
      const again = createLdapDirectory(ldapDirectorySchema.parse(base), { rules, resync: false });
      await again.open();
      await again.close();
    });

    const live = await createLdapDirectory(ldapDirectorySchema.parse({ ...base, mode: 'live' }), {
      rules,
    }).open();
    const liveMs: number[] = [];
    const syncMs: number[] = [];
    for (let i = 0; i < LIVE_LOOKUPS; i++) {
      const number = people[(i * 7919) % SIZE]?.numbers[0]?.e164 ?? '+492115000000';
      liveMs.push(await elapsedMs(() => live.lookup(number)));
      syncMs.push(await elapsedMs(() => sync.lookup(number)));
    }
    await live.close();
    await sync.close();
    const full = Math.min(fullMs, fullAgainMs);
    return [
      {
        name: `LDAP AD profile: delta sync of ${CHANGES} changes vs full load, 100,000 entries`,
        goal: 'ratio ≤ 0.05',
        met: deltaMs / full <= 0.05 && report?.kind === 'delta' && report.changed === CHANGES && found === 1,
        fullLoadSeconds: round(full / 1000, 2),
        deltaMs: round(deltaMs, 1),
        ratio: round(deltaMs / full),
        changed: report?.changed ?? null,
      },
      {
        name: 'LDAP AD profile: live lookup, unindexed, 100,000 entries (vs sync-mode lookup)',
        goal: 'reported (every live lookup walks every entry: use sync on AD)',
        met: true,
        lookups: LIVE_LOOKUPS,
        liveP50Ms: round(median(liveMs), 1),
        syncP50Ms: round(median(syncMs), 4),
      },
    ];
  } finally {
    await changes.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
