-- Up Migration

-- Customers as records (GET/POST /customers), per company with the same row-level security as
-- every company table (1793000000000_companies.sql). `record` is the domain's CustomerRecord
-- without its id and times; duplicates are found by the normalised company name and the email.
CREATE TABLE customers (
  company text NOT NULL DEFAULT current_setting('app.company') REFERENCES companies (id),
  customer_id text NOT NULL,
  name_key text NOT NULL,
  email_key text NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (company, customer_id)
);
CREATE INDEX customers_name_key ON customers (company, name_key);
CREATE INDEX customers_email_key ON customers (company, email_key);
CREATE INDEX customers_company_name ON customers (company, lower(record->>'company'), customer_id);

-- Credit held for a contract being signed (decision 0007): it counts in the customer's exposure
-- until the read model shows the order's contract, or it expires.
CREATE TABLE credit_holds (
  company text NOT NULL DEFAULT current_setting('app.company') REFERENCES companies (id),
  order_id text NOT NULL,
  customer_id text NOT NULL,
  amount numeric NOT NULL,
  currency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company, order_id)
);
CREATE INDEX credit_holds_customer ON credit_holds (company, customer_id);

-- The company's export VAT rebate rates by HS code (or its leading digits).
CREATE TABLE rebate_rates (
  company text NOT NULL DEFAULT current_setting('app.company') REFERENCES companies (id),
  hs_code text NOT NULL CHECK (hs_code ~ '^[0-9]{4,10}$'),
  rate text NOT NULL,
  description text,
  PRIMARY KEY (company, hs_code)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customers', 'credit_holds', 'rebate_rates']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($f$CREATE POLICY company_rows ON %I
      USING (company = nullif(current_setting('app.company', true), '')
        OR current_setting('app.all_companies', true) = 'on')
      WITH CHECK (company = nullif(current_setting('app.company', true), ''))$f$, t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO orderdesk_app', t);
  END LOOP;
END $$;

-- The order's customer record and balance method: a customer's exposure is the outstanding money
-- of its open OA, DA and DP orders.
ALTER TABLE orders ADD COLUMN customer_id text;
ALTER TABLE orders ADD COLUMN balance_method text;
CREATE INDEX orders_customer ON orders (company, customer_id) WHERE customer_id IS NOT NULL;

-- Down Migration
DROP INDEX orders_customer;
ALTER TABLE orders DROP COLUMN balance_method;
ALTER TABLE orders DROP COLUMN customer_id;
DROP TABLE rebate_rates;
DROP TABLE credit_holds;
DROP TABLE customers;
