-- Up Migration

-- Trigram indexes make the list's substring search (`q`) an index scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per order: its view as JSON plus the columns the list filters and sorts on.
CREATE TABLE orders (
  order_id text PRIMARY KEY,
  -- The last event the row reflects; an older projection never overwrites a newer one.
  seq integer NOT NULL,
  view jsonb NOT NULL,
  stage text NOT NULL,
  status text NOT NULL,
  stalled boolean NOT NULL,
  customer_company text NOT NULL,
  customer_name text NOT NULL,
  account_manager_email text NOT NULL,
  contract_no text,
  invoice_no text,
  template text,
  amount_outstanding numeric,
  outstanding_currency text,
  next_due_at timestamptz,
  stage_deadline timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- What `q` searches, lower-cased; the unit separator keeps a match inside one field.
  search text GENERATED ALWAYS AS (
    lower(
      order_id || E'\x1f' || customer_company || E'\x1f' || customer_name || E'\x1f' ||
      coalesce(contract_no, '') || E'\x1f' || coalesce(invoice_no, '')
    )
  ) STORED,
  CONSTRAINT orders_outstanding_has_currency
    CHECK ((amount_outstanding IS NULL) = (outstanding_currency IS NULL))
);

-- Default sort (-updatedAt, read backwards) and updatedAt; order_id breaks ties.
CREATE INDEX orders_updated_at ON orders (updated_at, order_id);
CREATE INDEX orders_stage_updated_at ON orders (stage, updated_at, order_id);
CREATE INDEX orders_stage_deadline ON orders (stage_deadline, order_id);
CREATE INDEX orders_stalled_updated_at ON orders (updated_at, order_id) WHERE stalled;
CREATE INDEX orders_customer_company ON orders (customer_company);
CREATE INDEX orders_account_manager ON orders (lower(account_manager_email));
CREATE INDEX orders_template ON orders (template) WHERE template IS NOT NULL;
CREATE INDEX orders_next_due_at ON orders (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX orders_search ON orders USING gin (search gin_trgm_ops);

-- Every accepted event of an order, numbered from 1.
CREATE TABLE timeline (
  order_id text NOT NULL,
  seq integer NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  summary text NOT NULL,
  payload jsonb,
  fingerprint text,
  PRIMARY KEY (order_id, seq),
  CONSTRAINT timeline_event_id UNIQUE (order_id, event_id)
);

CREATE TABLE emails (
  -- Keeps the order in which emails were first recorded (ties on sent_at).
  id bigint GENERATED ALWAYS AS IDENTITY,
  order_id text NOT NULL,
  message_id text NOT NULL,
  purpose text NOT NULL,
  to_addresses text[] NOT NULL,
  cc_addresses text[] NOT NULL,
  subject text NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (order_id, message_id)
);
CREATE INDEX emails_order_sent_at ON emails (order_id, sent_at, id);

CREATE TABLE documents (
  order_id text NOT NULL,
  kind text NOT NULL,
  number text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  -- The order seq that set `status`; an older projection does not set it back.
  seq integer NOT NULL,
  PRIMARY KEY (order_id, kind, number)
);

-- Down Migration
DROP TABLE documents;
DROP TABLE emails;
DROP TABLE timeline;
DROP TABLE orders;
