-- Up Migration

-- The latest correction, reversal or undo that took a timeline entry back (its event id).
ALTER TABLE timeline ADD COLUMN corrected_by text;

-- Which revision of the order's documents a row is: 0 as first issued, then one per correction
-- of values they print; each revision has its own number (`CI-C-1-R1`).
ALTER TABLE documents ADD COLUMN revision integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE documents DROP COLUMN revision;
ALTER TABLE timeline DROP COLUMN corrected_by;
