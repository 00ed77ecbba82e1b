/**
 * sip: everywhere or nowhere. With `links.sip` on the desktop app registers it at run time
 * (shell/protocol-registration.ts); what the packages declare must let the OS offer Ringdesk for
 * it: the Windows installer lists it in Ringdesk's URLAssociations (Default Apps) and its
 * uninstaller removes it, and the macOS bundle declares it in CFBundleURLTypes. electron-builder
 * builds CFBundleURLTypes from the top-level `protocols` plus `mac.protocols`
 * (app-builder-lib/out/electron/electronMac.js) and the Linux entry's MimeType from the top-level
 * plus `linux.protocols` (LinuxTargetHelper.js), so sip sits under `mac` only: a deb or AppImage
 * entry that declared it would be offered sip links by the desktop with `links.sip` off.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolsToRegister } from '../electron/shell/protocol-registration.js';

interface Protocol {
  readonly name: string;
  readonly schemes: readonly string[];
}
interface BuilderConfig {
  readonly protocols?: readonly Protocol[];
  readonly mac?: { readonly protocols?: readonly Protocol[] };
  readonly linux?: { readonly protocols?: readonly Protocol[] };
}

const config = JSON.parse(
  readFileSync(new URL('electron-builder.json', import.meta.url), 'utf8'),
) as BuilderConfig;
const installer = readFileSync(new URL('installer.nsh', import.meta.url), 'utf8');

const schemesOf = (protocols: readonly Protocol[]) => protocols.flatMap((each) => each.schemes);

describe('the schemes the packages declare', () => {
  it('macOS declares every scheme the app can register, sip included', () => {
    const declared = schemesOf([...(config.protocols ?? []), ...(config.mac?.protocols ?? [])]);
    expect([...declared].sort()).toEqual([...protocolsToRegister({ sip: true })].sort());
  });

  it('the Linux entry declares only the schemes registered whatever the settings say', () => {
    const declared = schemesOf([...(config.protocols ?? []), ...(config.linux?.protocols ?? [])]);
    expect(declared).toEqual(protocolsToRegister({ sip: false }));
  });

  it('the Windows installer lists every scheme in Default Apps, and its uninstaller removes every one', () => {
    for (const scheme of protocolsToRegister({ sip: true })) {
      expect(installer).toContain(`URLAssociations" "${scheme}" "\${RINGDESK_PROGID}"`);
      expect(installer).toContain(`!insertmacro ringdeskUnregisterScheme "${scheme}"`);
    }
    // sip's command is written by the app only when links.sip is on, never by the installer.
    expect(installer).not.toContain('!insertmacro ringdeskRegisterScheme "sip"');
  });
});
