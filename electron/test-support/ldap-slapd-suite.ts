/**
 * Vitest glue for tests against a real slapd: `describeWithSlapd` runs its tests when slapd is
 * installed; otherwise it skips them with a loud message naming what is missing, except with
 * CI=true, where nothing may skip and the tests fail instead, saying what to install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { opensslMissing } from './ldap-certificates.js';
import { slapdMissing } from './ldap-server.js';

/** What is missing to run slapd tests (and openssl, when `needsOpenssl`), or null. */
export function ldapToolsMissing(needsOpenssl = false): string | null {
  return slapdMissing() ?? (needsOpenssl ? opensslMissing() : null);
}

/**
 * `describe`, skipped with a loud message when the tools are missing locally. With CI=true it
 * always runs, so that a missing package fails the build rather than hiding the tests.
 */
export function describeWithSlapd(
  name: string,
  body: () => void,
  options: { readonly needsOpenssl?: boolean } = {},
): void {
  const missing = ldapToolsMissing(options.needsOpenssl);
  const skip = missing !== null && process.env.CI !== 'true';
  if (skip)
    process.stderr.write(
      `\n*** SKIPPED "${name}": ${missing}. These tests need a real OpenLDAP server. ***\n\n`,
    );
  describe.skipIf(skip)(name, body);
}

/** A fresh folder for one server, and a function that removes it. */
export function serverFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-ldap-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
