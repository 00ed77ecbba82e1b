-- Ringdesk: Znuny's (or OTRS 6's) customer users as a CSV file for a `csv` directory.
-- See docs/directories.md, "Znuny". MariaDB or MySQL, database backend of the customer users
-- (Kernel::System::CustomerUser::DB on the tables customer_user and customer_company, columns as
-- in Znuny's scripts/database/schema.mysql.sql). Valid customer users only; every field quoted
-- as RFC 4180 says, so names with commas, quotes or line breaks stay whole. Run it with:
--
--   mariadb --batch --raw --skip-column-names znuny < znuny-customer-users.sql > customers.csv.new
--   mv customers.csv.new customers.csv
--
-- (write to a new file and rename it, so Ringdesk never reads a half-written file).
SELECT line FROM (
  SELECT 0 AS part, 'id,first name,last name,company,email,phone,mobile,fax' AS line
  UNION ALL
  SELECT 1 AS part, CONCAT_WS(',',
    CONCAT('"', REPLACE(IFNULL(cu.login, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.first_name, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.last_name, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cc.name, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.email, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.phone, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.mobile, ''), '"', '""'), '"'),
    CONCAT('"', REPLACE(IFNULL(cu.fax, ''), '"', '""'), '"')
  ) AS line
  FROM customer_user cu
  LEFT JOIN customer_company cc ON cc.customer_id = cu.customer_id
  WHERE cu.valid_id = 1
) AS export
ORDER BY part;
