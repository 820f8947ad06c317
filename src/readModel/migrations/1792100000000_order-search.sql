-- Up Migration

-- The account manager's name: the list shows it and filters on part of it.
ALTER TABLE orders ADD COLUMN account_manager_name text NOT NULL DEFAULT '';

-- What `q` searches, lower-cased, written by the projection (src/readModel/searchText.ts): the
-- order, contract and document numbers, B/L, container, declaration and L/C numbers, customer,
-- account manager and products. It replaces the generated column, which saw only the columns
-- beside it. The unit separator keeps a match inside one field.
ALTER TABLE orders DROP COLUMN search;
ALTER TABLE orders ADD COLUMN search_text text NOT NULL DEFAULT '';

-- Orders projected before: the same from their stored view (the projection rewrites each row at
-- its next event anyway).
UPDATE orders SET
  account_manager_name = coalesce(view #>> '{accountManager,name}', ''),
  search_text = lower(concat_ws(E'\x1f',
    order_id,
    nullif(contract_no, ''),
    (SELECT string_agg(v #>> '{}', E'\x1f') FROM jsonb_path_query(view, '$.documents.items[*].reference') v),
    view #>> '{shipping,billOfLading,blNo}',
    (SELECT string_agg(v #>> '{}', E'\x1f')
       FROM jsonb_path_query(view, '$.shipping.booking.confirmed.containerNos[*]') v),
    view #>> '{shipping,collected,vehicleOrContainer}',
    view #>> '{shipping,customs,declarationNo}',
    view #>> '{payments,letterOfCredit,lcNo}',
    nullif(customer_company, ''),
    nullif(customer_name, ''),
    nullif(view #>> '{accountManager,name}', ''),
    nullif(account_manager_email, ''),
    left((SELECT string_agg(v #>> '{}', E'\x1f') FROM jsonb_path_query(view, '$.inquiry.products[*].description') v), 1000)
  ));

-- Substring search (`LIKE '%q%'`) through trigrams; a q of one or two letters has no trigram and
-- reads the whole index instead, which is slower but still right.
CREATE INDEX orders_search_text ON orders USING gin (search_text gin_trgm_ops);
CREATE INDEX orders_customer_company_trgm ON orders USING gin (lower(customer_company) gin_trgm_ops);

-- Down Migration
DROP INDEX orders_customer_company_trgm;
DROP INDEX orders_search_text;
ALTER TABLE orders DROP COLUMN search_text;
ALTER TABLE orders ADD COLUMN search text GENERATED ALWAYS AS (
  lower(
    order_id || E'\x1f' || customer_company || E'\x1f' || customer_name || E'\x1f' ||
    coalesce(contract_no, '') || E'\x1f' || coalesce(invoice_no, '')
  )
) STORED;
CREATE INDEX orders_search ON orders USING gin (search gin_trgm_ops);
ALTER TABLE orders DROP COLUMN account_manager_name;
