import type { PoolClient } from 'pg';

/**
 * Past this many orders a `q` is common: the list then walks its sort order and stops at the
 * page's end (a few pages' worth of rows, since matches are dense), instead of fetching every one.
 */
export const SEARCH_CANDIDATES_CAP = 3000;

/** The orders that may match `q` (at most the cap), or `many`. */
export type SearchCandidates = readonly string[] | 'many';

/**
 * Candidates from the bigram index (migration 1796000000000_order-search-grams.sql). A q of one
 * character has no bigram and is taken as common.
 */
export async function searchCandidates(client: PoolClient, q: string): Promise<SearchCandidates> {
  if ([...q].length < 2) return 'many';
  const { rows } = await client.query<{ order_id: string }>(
    'SELECT order_id FROM orderdesk_search_orders($1, $2)',
    [q, SEARCH_CANDIDATES_CAP + 1],
  );
  return rows.length > SEARCH_CANDIDATES_CAP ? 'many' : rows.map((r) => r.order_id);
}

/**
 * For a common q: the planner cannot tell how many rows `LIKE '%q%'` keeps and would read the whole
 * table; an index in the sort order stops at the page's end.
 */
export const WALK_SORT_ORDER = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off';
