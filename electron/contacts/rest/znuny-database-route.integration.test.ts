/**
 * Znuny's route to Ringdesk: stock Znuny has no web-service operation that returns customer
 * users, so docs/directories.md has an admin export them from Znuny's database with the shipped
 * `docs/znuny-customer-users.sql` into a CSV file that a `csv` directory reads. Here that exact
 * file runs in a real MariaDB against Znuny's tables (columns as in Znuny's
 * scripts/database/schema.mysql.sql), and the csv directory finds every stored form of the
 * table test, and opens the contact in Znuny with the documented action URLs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionValues, fillActionUrl, type ActionSubject } from '../../shared/action-templates.js';
import { describeWithMariadb, MariadbServer } from '../../test-support/mariadb-server.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { FileDirectory } from '../file-directory.js';
import { STORED_FORMS } from '../../test-support/stored-number-forms.js';

const EXPORT_SQL = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../docs/znuny-customer-users.sql',
);

/** Znuny's customer tables, the columns the export reads (scripts/database/schema.mysql.sql). */
const ZNUNY_TABLES = `
CREATE DATABASE znuny CHARACTER SET utf8mb4;
USE znuny;
CREATE TABLE customer_user (
  id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login VARCHAR(200) NOT NULL UNIQUE,
  email VARCHAR(150) NOT NULL,
  customer_id VARCHAR(150) NOT NULL,
  title VARCHAR(50) NULL,
  first_name VARCHAR(100) NOT NULL,
  last_name VARCHAR(100) NOT NULL,
  phone VARCHAR(150) NULL,
  fax VARCHAR(150) NULL,
  mobile VARCHAR(150) NULL,
  valid_id SMALLINT NOT NULL
);
CREATE TABLE customer_company (
  customer_id VARCHAR(150) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  valid_id SMALLINT NOT NULL
);
`;

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const tempDir = useTempDir();
let server: MariadbServer | null = null;

describeWithMariadb('Znuny customer users exported from its database into a csv directory', () => {
  beforeAll(async () => {
    server = await MariadbServer.start();
    const rows = STORED_FORMS.map(
      (row, index) =>
        `(${quote(`customer${index}@example.com`)}, ${quote(`customer${index}@example.com`)}, 'ACME', ` +
        `'Stored', ${quote(`Form ${index}`)}, ${quote(row.stored)}, NULL, 1)`,
    );
    await server.sql(
      `${ZNUNY_TABLES}
      INSERT INTO customer_company VALUES ('ACME', 'ACME "Werke", Düsseldorf', 1);
      INSERT INTO customer_user (login, email, customer_id, first_name, last_name, phone, mobile, valid_id)
      VALUES ${rows.join(',\n')},
      ('gone@example.com', 'gone@example.com', 'ACME', 'Invalid', 'User', '+49 211 5551234', NULL, 2);`,
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('finds every stored form, with Znuny’s login as the id and the company’s name', async () => {
    const exported = await (server as MariadbServer).client(
      ['--batch', '--raw', '--skip-column-names', 'znuny'],
      readFileSync(EXPORT_SQL, 'utf8'),
    );
    expect(exported.stderr).toBe('');
    const file = path.join(tempDir(), 'znuny-customers.csv');
    writeFileSync(file, exported.stdout);
    expect(exported.stdout.split('\n')[0]).toBe('id,first name,last name,company,email,phone,mobile,fax');

    const warnings: string[] = [];
    const directory = await new FileDirectory({
      type: 'csv',
      path: file,
      name: 'Znuny',
      rules: DUESSELDORF,
      watch: false,
      onWarning: (message) => warnings.push(message),
    }).open();
    try {
      for (const [index, row] of STORED_FORMS.entries()) {
        const found = await directory.lookup(row.caller);
        const mine = found.filter((contact) => contact.id === `customer${index}@example.com`);
        expect(mine, `${row.stored} (${row.what})`).toHaveLength(1);
        expect(mine[0]).toMatchObject({ name: `Stored Form ${index}`, company: 'ACME "Werke", Düsseldorf' });
        // The invalid customer user (valid_id 2) is not exported.
        expect(found.some((contact) => contact.name === 'Invalid User')).toBe(false);
      }
      expect(warnings).toEqual([]);

      // The action URLs docs/directories.md gives this directory open the customer in Znuny.
      const [anna] = await directory.lookup('+4921133990312');
      const subject: ActionSubject = {
        contact: {
          id: anna?.id ?? '',
          name: anna?.name ?? '',
          company: null,
          email: null,
          directory: 'Znuny',
        },
        number: { raw: '', e164: '+4921133990312', display: '', countryCode: '49' },
        callId: 'c1',
      };
      expect(
        fillActionUrl(
          'https://helpdesk.example.com/otrs/index.pl?Action=AgentCustomerUserInformationCenter;CustomerUserID={{contact.id}}',
          actionValues(subject),
        ),
      ).toBe(
        `https://helpdesk.example.com/otrs/index.pl?Action=AgentCustomerUserInformationCenter;CustomerUserID=customer15%40example.com`,
      );
    } finally {
      await directory.close();
    }
  });
});
