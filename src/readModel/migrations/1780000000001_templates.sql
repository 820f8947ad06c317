-- Up Migration

-- Process templates, one row per version; an order keeps the version it started with, so a
-- version is never changed or removed once written.
CREATE TABLE templates (
  name text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  PRIMARY KEY (name, version)
);

-- Down Migration
DROP TABLE templates;
