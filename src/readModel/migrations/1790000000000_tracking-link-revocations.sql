-- Up Migration

-- Buyer tracking links issued up to `revoked_before` no longer open (links issued later do).
CREATE TABLE tracking_link_revocations (
  order_id text PRIMARY KEY,
  revoked_before timestamptz NOT NULL,
  revoked_by text NOT NULL
);

-- Down Migration
DROP TABLE tracking_link_revocations;
