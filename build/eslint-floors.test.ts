import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { floorsRule, floorViolation, importCycles, importsOf } from './eslint-floors.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = '/repo/electron';
const at = (file: string) => path.join(root, file);
const floors = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const options = [{ root, cycles: false }];

describe('the floors', () => {
  floors.run('ringdesk/floors', floorsRule, {
    valid: [
      {
        filename: at('telephony/ami/ami-provider.ts'),
        code: "import { x } from '../../shared/clock.js';",
        options,
      },
      {
        filename: at('telephony/ami/ami-provider.ts'),
        code: "import { x } from '../../numbers/complete.js';",
        options,
      },
      {
        filename: at('telephony/ami/ami-provider.ts'),
        code: "import { x } from '../line-provider.js';",
        options,
      },
      {
        filename: at('companion/companion.ts'),
        code: "import type { X } from '../contacts/directory.js';",
        options,
      },
      { filename: at('contract/models.ts'), code: "import { x } from '../numbers/complete.js';", options },
      {
        filename: at('cli/commands/serve.ts'),
        code: "import { x } from '../../host/headless-host.js';",
        options,
      },
      { filename: at('main.ts'), code: "import { x } from './shell/desktop-setup.js';", options },
      // Tests and their support sit outside the floors.
      {
        filename: at('numbers/complete.test.ts'),
        code: "import { x } from '../test-support/rules.js';",
        options,
      },
      {
        filename: at('test-support/harness.ts'),
        code: "import { x } from '../companion/companion.js';",
        options,
      },
      // Packages are not floors.
      { filename: at('numbers/complete.ts'), code: "import { z } from 'zod';", options },
    ],
    invalid: [
      {
        filename: at('numbers/complete.ts'),
        code: "import { x } from '../settings/load-settings.js';",
        options,
        errors: [{ messageId: 'floor' }],
      },
      {
        filename: at('contacts/rest/rest-presets.ts'),
        code: "import type { ActionTemplates } from '../../popup/action-urls.js';",
        options,
        errors: [
          {
            message:
              'contacts/ is a domain and may not import another domain (popup/): the Companion joins them',
          },
        ],
      },
      {
        filename: at('contract/models.ts'),
        code: "export type { JournalRecord } from '../journal/journal-record.js';",
        options,
        errors: [{ messageId: 'floor' }],
      },
      {
        filename: at('companion/boot.ts'),
        code: "const shell = await import('../shell/desktop-setup.js');",
        options,
        errors: [{ messageId: 'floor' }],
      },
      {
        filename: at('shell/desktop-setup.ts'),
        code: "import '../main.js';",
        options,
        errors: [{ message: 'nothing imports main.ts: it is the Electron face itself' }],
      },
    ],
  });

  it('says why in words', () => {
    expect(floorViolation('shared/clock.ts', 'companion/boot.ts')).toBe(
      'shared/ (leaf) may not import companion/ (companion), which sits on the same floor or above',
    );
    expect(floorViolation('renderer/x.ts', 'companion/boot.ts')).toBeNull();
  });
});

describe('import cycles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-floors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    'contacts/contact-lookup.ts',
    "import { LookupCache } from './lookup-cache.js';\nexport type LookupResult = {};\n",
  );
  write(
    'contacts/lookup-cache.ts',
    "import type { LookupResult } from './contact-lookup.js';\nexport class LookupCache {}\n",
  );
  write('contacts/directory.ts', 'export interface Directory {}\n');
  write('contacts/contact-lookup.test.ts', "import './lookup-cache.js';\n");

  it('finds a cycle made of a type-only import, and nothing else', () => {
    expect(importsOf("import type { A } from './a.js';\nexport * from './b.js';")).toEqual([
      './a.js',
      './b.js',
    ]);
    expect(importCycles(dir).map((cycle) => cycle.map((file) => path.relative(dir, file)))).toEqual([
      ['contacts/contact-lookup.ts', 'contacts/lookup-cache.ts'],
    ]);
  });

  floors.run('ringdesk/floors (cycles)', floorsRule, {
    valid: [
      {
        filename: path.join(dir, 'contacts/directory.ts'),
        code: 'export interface Directory {}',
        options: [{ root: dir }],
      },
    ],
    invalid: [
      {
        filename: path.join(dir, 'contacts/lookup-cache.ts'),
        code: "import type { LookupResult } from './contact-lookup.js';",
        options: [{ root: dir }],
        errors: [
          {
            message:
              'this import is part of an import cycle: contacts/contact-lookup.ts → contacts/lookup-cache.ts',
          },
        ],
      },
    ],
  });
});
