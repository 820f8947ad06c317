-- Up Migration

-- Documents kept exactly as they were sent (the proforma the customer pays against): the PDF's
-- bytes, so a later download is that version, not one re-rendered with today's data. Per company,
-- with the same row-level security as every company table (1793000000000_companies.sql).
CREATE TABLE issued_documents (
  company text NOT NULL DEFAULT current_setting('app.company') REFERENCES companies (id),
  order_id text NOT NULL,
  kind text NOT NULL,
  number text NOT NULL,
  file_name text NOT NULL,
  pdf bytea NOT NULL,
  issued_at timestamptz NOT NULL,
  PRIMARY KEY (company, order_id, kind)
);
ALTER TABLE issued_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE issued_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY company_rows ON issued_documents
  USING (company = nullif(current_setting('app.company', true), '')
    OR current_setting('app.all_companies', true) = 'on')
  WITH CHECK (company = nullif(current_setting('app.company', true), ''));
GRANT SELECT, INSERT, UPDATE, DELETE ON issued_documents TO orderdesk_app;

-- Down Migration
DROP TABLE issued_documents;
