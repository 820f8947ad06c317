-- Up Migration

-- Files kept with an order (issue 34): the bytes live here, never in Temporal. A row is written
-- before its ATTACHMENT_ADDED event is recorded and deleted when the order refuses the event;
-- `recorded_at` is set once the order took it.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  kind text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size = octet_length(content)),
  for_buyer boolean NOT NULL DEFAULT false,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  recorded_at timestamptz,
  content bytea NOT NULL
);

CREATE INDEX attachments_order ON attachments (order_id, added_at, id);

-- Down Migration
DROP TABLE attachments;
