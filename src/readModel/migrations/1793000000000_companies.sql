-- Up Migration

-- Companies (tenants). Every row of company data carries its company; PostgreSQL's row-level
-- security shows a transaction the rows of the company it set (`SET LOCAL app.company`) and no
-- other. The app's queries run as `orderdesk_app`, which owns no table, so the policies apply to it
-- (FORCE makes them apply to the owner as well; only a superuser or BYPASSRLS role escapes them).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'orderdesk_app') THEN
    CREATE ROLE orderdesk_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  -- The migrating user switches to it per transaction (SET LOCAL ROLE); a deployment may instead
  -- log in as a member of it.
  IF NOT pg_has_role(current_user, 'orderdesk_app', 'MEMBER') THEN
    EXECUTE format('GRANT orderdesk_app TO %I', current_user);
  END IF;
END $$;

CREATE TABLE companies (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{2,40}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO companies (id, name) VALUES ('default', 'Default company');

-- Service tokens a company's admin creates: only the SHA-256 of the secret is kept.
CREATE TABLE company_tokens (
  id uuid PRIMARY KEY,
  company text NOT NULL REFERENCES companies (id),
  name text NOT NULL,
  role text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  revoked_at timestamptz
);

-- Who belongs to which company, by the issuer's subject (`sub`) and email; the platform's customer
-- managers appear with role `customer-manager` in each company assigned to them.
CREATE TABLE company_members (
  company text NOT NULL REFERENCES companies (id),
  subject text NOT NULL,
  email text,
  name text NOT NULL,
  role text NOT NULL,
  PRIMARY KEY (company, subject)
);
CREATE INDEX company_members_subject ON company_members (subject);

-- The platform's own people, by the issuer's subject: customer managers (assigned to companies
-- through company_members) and platform admins.
CREATE TABLE platform_people (
  subject text PRIMARY KEY,
  name text NOT NULL,
  email text,
  role text NOT NULL CHECK (role IN ('customer-manager', 'platform-admin'))
);
ALTER TABLE platform_people ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_people FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_rows ON platform_people
  USING (current_setting('app.all_companies', true) = 'on')
  WITH CHECK (current_setting('app.all_companies', true) = 'on');

-- Console sessions (after an OpenID Connect sign-in), kept on the server so that signing out ends
-- them on every API replica. Only the SHA-256 of the session cookie is stored.
CREATE TABLE sessions (
  id_hash bytea PRIMARY KEY,
  subject text NOT NULL,
  name text NOT NULL,
  email text,
  id_token text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_rows ON sessions
  USING (current_setting('app.all_companies', true) = 'on')
  WITH CHECK (current_setting('app.all_companies', true) = 'on');

-- Each company's exporter profile (the domain's exporterProfileSchema, as JSON).
CREATE TABLE company_profiles (
  company text PRIMARY KEY REFERENCES companies (id),
  profile jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

-- Existing rows become the `default` company's; new rows take the transaction's company.
ALTER TABLE orders ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE timeline ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE emails ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE documents ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE templates ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE stage_entered ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE tracking_link_revocations ADD COLUMN company text NOT NULL DEFAULT 'default';
ALTER TABLE attachments ADD COLUMN company text NOT NULL DEFAULT 'default';

-- Who recorded each entry, by id (`user:<subject>`, `token:<name>`); entries from before: their actor.
ALTER TABLE timeline ADD COLUMN actor_id text;

-- Order ids (and template names) are unique per company.
ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD PRIMARY KEY (company, order_id);
ALTER TABLE timeline DROP CONSTRAINT timeline_pkey, ADD PRIMARY KEY (company, order_id, seq);
ALTER TABLE timeline DROP CONSTRAINT timeline_event_id,
  ADD CONSTRAINT timeline_event_id UNIQUE (company, order_id, event_id);
ALTER TABLE emails DROP CONSTRAINT emails_pkey, ADD PRIMARY KEY (company, order_id, message_id);
ALTER TABLE documents DROP CONSTRAINT documents_pkey, ADD PRIMARY KEY (company, order_id, kind, number);
ALTER TABLE templates DROP CONSTRAINT templates_pkey, ADD PRIMARY KEY (company, name, version);
ALTER TABLE stage_entered DROP CONSTRAINT stage_entered_pkey, ADD PRIMARY KEY (company, order_id, stage);
ALTER TABLE tracking_link_revocations DROP CONSTRAINT tracking_link_revocations_pkey,
  ADD PRIMARY KEY (company, order_id);
DROP INDEX attachments_order;
CREATE INDEX attachments_order ON attachments (company, order_id, added_at, id);
CREATE INDEX orders_company_updated_at ON orders (company, updated_at, order_id);

-- One policy per table: the rows of the transaction's company; reads across companies only where
-- the platform's own figures set `app.all_companies` (the metrics' gauges).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orders', 'timeline', 'emails', 'documents', 'templates', 'stage_entered',
    'tracking_link_revocations', 'attachments', 'company_tokens', 'company_members', 'company_profiles']
  LOOP
    EXECUTE format($f$ALTER TABLE %I ALTER COLUMN company SET DEFAULT current_setting('app.company')$f$, t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($f$CREATE POLICY company_rows ON %I
      USING (company = nullif(current_setting('app.company', true), '')
        OR current_setting('app.all_companies', true) = 'on')
      WITH CHECK (company = nullif(current_setting('app.company', true), ''))$f$, t);
  END LOOP;
END $$;

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
CREATE POLICY company_rows ON companies
  USING (id = nullif(current_setting('app.company', true), '') OR current_setting('app.all_companies', true) = 'on')
  WITH CHECK (current_setting('app.all_companies', true) = 'on');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO orderdesk_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO orderdesk_app;
REVOKE ALL ON pgmigrations FROM orderdesk_app;
-- Tables later migrations create: granted too (each must add its company column and policy).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orderdesk_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO orderdesk_app;

-- Authentication runs before a company is known: a service token and a person's memberships are
-- looked up across companies by these two functions only (they run as the tables' owner).
CREATE FUNCTION orderdesk_token_lookup(hash bytea)
RETURNS TABLE (id uuid, company text, name text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.all_companies = 'on' AS $$
  SELECT t.id, t.company, t.name, t.role FROM company_tokens t
  WHERE t.token_hash = hash AND t.revoked_at IS NULL
$$;

CREATE FUNCTION orderdesk_memberships(who text)
RETURNS TABLE (company text, company_name text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.all_companies = 'on' AS $$
  SELECT m.company, c.name, m.role FROM company_members m JOIN companies c ON c.id = m.company
  WHERE m.subject = who ORDER BY m.company
$$;
CREATE FUNCTION orderdesk_platform_role(who text)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.all_companies = 'on' AS $$
  SELECT p.role FROM platform_people p WHERE p.subject = who
$$;
REVOKE ALL ON FUNCTION orderdesk_platform_role(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION orderdesk_platform_role(text) TO orderdesk_app;
REVOKE ALL ON FUNCTION orderdesk_token_lookup(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION orderdesk_memberships(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION orderdesk_token_lookup(bytea) TO orderdesk_app;
GRANT EXECUTE ON FUNCTION orderdesk_memberships(text) TO orderdesk_app;

-- Down Migration
DROP FUNCTION orderdesk_platform_role(text);
DROP FUNCTION orderdesk_memberships(text);
DROP FUNCTION orderdesk_token_lookup(bytea);
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orders', 'timeline', 'emails', 'documents', 'templates', 'stage_entered',
    'tracking_link_revocations', 'attachments']
  LOOP
    EXECUTE format('DROP POLICY company_rows ON %I', t);
    EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
DELETE FROM orders WHERE company <> 'default';
DELETE FROM timeline WHERE company <> 'default';
DELETE FROM emails WHERE company <> 'default';
DELETE FROM documents WHERE company <> 'default';
DELETE FROM templates WHERE company <> 'default';
DELETE FROM stage_entered WHERE company <> 'default';
DELETE FROM tracking_link_revocations WHERE company <> 'default';
DELETE FROM attachments WHERE company <> 'default';
ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD PRIMARY KEY (order_id);
ALTER TABLE timeline DROP CONSTRAINT timeline_pkey, ADD PRIMARY KEY (order_id, seq);
ALTER TABLE timeline DROP CONSTRAINT timeline_event_id, ADD CONSTRAINT timeline_event_id UNIQUE (order_id, event_id);
ALTER TABLE emails DROP CONSTRAINT emails_pkey, ADD PRIMARY KEY (order_id, message_id);
ALTER TABLE documents DROP CONSTRAINT documents_pkey, ADD PRIMARY KEY (order_id, kind, number);
ALTER TABLE templates DROP CONSTRAINT templates_pkey, ADD PRIMARY KEY (name, version);
ALTER TABLE stage_entered DROP CONSTRAINT stage_entered_pkey, ADD PRIMARY KEY (order_id, stage);
ALTER TABLE tracking_link_revocations DROP CONSTRAINT tracking_link_revocations_pkey, ADD PRIMARY KEY (order_id);
DROP INDEX orders_company_updated_at;
DROP INDEX attachments_order;
CREATE INDEX attachments_order ON attachments (order_id, added_at, id);
ALTER TABLE timeline DROP COLUMN actor_id;
ALTER TABLE orders DROP COLUMN company;
ALTER TABLE timeline DROP COLUMN company;
ALTER TABLE emails DROP COLUMN company;
ALTER TABLE documents DROP COLUMN company;
ALTER TABLE templates DROP COLUMN company;
ALTER TABLE stage_entered DROP COLUMN company;
ALTER TABLE tracking_link_revocations DROP COLUMN company;
ALTER TABLE attachments DROP COLUMN company;
DROP TABLE company_profiles;
DROP TABLE platform_people;
DROP TABLE sessions;
DROP TABLE company_members;
DROP TABLE company_tokens;
DROP TABLE companies;
