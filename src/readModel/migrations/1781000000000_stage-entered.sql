-- Up Migration

-- When each order entered each stage (orders only move forward, so one row per stage reached).
-- The stage-times report measures a stay from one row to the order's next.
CREATE TABLE stage_entered (
  order_id text NOT NULL,
  stage text NOT NULL,
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (order_id, stage)
);

-- Orders projected before this table existed: the stage they are in now.
INSERT INTO stage_entered (order_id, stage, entered_at)
SELECT order_id, stage, (view ->> 'stageEnteredAt')::timestamptz
FROM orders
WHERE view ? 'stageEnteredAt'
ON CONFLICT DO NOTHING;

-- The receivables and stalled reports read open orders only.
CREATE INDEX orders_open_outstanding ON orders (customer_company)
  WHERE status = 'OPEN' AND amount_outstanding > 0;

-- Down Migration
DROP INDEX orders_open_outstanding;
DROP TABLE stage_entered;
