-- Up Migration

-- `q` through an index. The trigram index on orders.search_text never served it: row-level
-- security keeps a non-leakproof operator such as LIKE out of index conditions (every search was a
-- sequential scan), and in a C-locale cluster pg_trgm sees no trigram in Chinese text at all.
-- Instead, each order's distinct pieces of two and three characters (within one field), in a table that
-- only the owner reads: orderdesk_search_orders answers the caller's company alone, so it needs no
-- policy, and without one its GIN index is usable. Every q of two or more characters finds its
-- candidates there; the list query still applies `search_text LIKE`, so the pieces only narrow.
CREATE TABLE order_search (
  company text NOT NULL,
  order_id text NOT NULL,
  grams text[] NOT NULL,
  PRIMARY KEY (company, order_id)
);
REVOKE ALL ON order_search FROM orderdesk_app;
-- Without the pending list, a search never reads through a backlog of unmerged entries.
CREATE INDEX order_search_grams ON order_search USING gin (grams) WITH (fastupdate = off);

-- The distinct n-character pieces of a lower-cased search text, none spanning the field separator.
CREATE FUNCTION orderdesk_search_grams(t text, n integer) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (SELECT substr(t, i, n) AS g FROM generate_series(1, length(t) - n + 1) AS i) pieces
  WHERE strpos(g, E'\x1f') = 0
$$;

-- What an order is found by: its pieces of two characters (for a q of two) and of three (for
-- longer ones, far more selective: digits pair up with each other in every number).
CREATE FUNCTION orderdesk_order_grams(search_text text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT orderdesk_search_grams(search_text, 2) || orderdesk_search_grams(search_text, 3)
$$;

-- Kept in step with orders by triggers (as the owner): rewritten only when search_text changes.
CREATE FUNCTION orderdesk_order_search_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM order_search WHERE company = OLD.company AND order_id = OLD.order_id;
  ELSE
    INSERT INTO order_search (company, order_id, grams)
    VALUES (NEW.company, NEW.order_id, orderdesk_order_grams(NEW.search_text))
    ON CONFLICT (company, order_id) DO UPDATE SET grams = excluded.grams;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION orderdesk_order_search_sync() FROM PUBLIC;
CREATE TRIGGER orders_search_added AFTER INSERT ON orders
  FOR EACH ROW EXECUTE FUNCTION orderdesk_order_search_sync();
CREATE TRIGGER orders_search_changed AFTER UPDATE OF search_text ON orders
  FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text)
  EXECUTE FUNCTION orderdesk_order_search_sync();
CREATE TRIGGER orders_search_removed AFTER DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION orderdesk_order_search_sync();

-- Up to `cap` orders of the caller's company (app.company) holding every piece of q.
CREATE FUNCTION orderdesk_search_orders(q text, cap integer) RETURNS TABLE (order_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  -- A q of one character has no piece: it matches every order, so the caller sees a common q.
  SELECT s.order_id FROM order_search s
  WHERE s.company = nullif(current_setting('app.company', true), '')
    AND s.grams @> orderdesk_search_grams(lower(q), greatest(least(length(q), 3), 2))
  LIMIT cap
$$;
REVOKE ALL ON FUNCTION orderdesk_search_orders(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION orderdesk_search_orders(text, integer) TO orderdesk_app;

SELECT set_config('app.all_companies', 'on', true);
INSERT INTO order_search (company, order_id, grams)
SELECT company, order_id, orderdesk_order_grams(search_text) FROM orders;

-- Every projection write rewrote this index's entries; it answered no search.
DROP INDEX orders_search_text;

-- Down Migration
CREATE INDEX orders_search_text ON orders USING gin (search_text gin_trgm_ops);
DROP FUNCTION orderdesk_search_orders(text, integer);
DROP TRIGGER orders_search_removed ON orders;
DROP TRIGGER orders_search_changed ON orders;
DROP TRIGGER orders_search_added ON orders;
DROP FUNCTION orderdesk_order_search_sync();
DROP FUNCTION orderdesk_order_grams(text);
DROP FUNCTION orderdesk_search_grams(text, integer);
DROP TABLE order_search;
