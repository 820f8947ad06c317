import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor';
import { InvalidCursorError } from './errors';
import type { SearchCandidates } from './orderSearch';
import type { OrderListQuery, OrderSort } from './types';

/** Where the next page starts: the last row's sort key (UTC, microseconds) and order id. */
const pageTokenSchema = z.object({
  sort: z.enum(['updatedAt', '-updatedAt', 'stageDeadline']),
  key: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
    .nullable(),
  orderId: z.string().min(1),
});
type PageToken = z.infer<typeof pageTokenSchema>;

/** A timestamp column as an exact, session-independent key for page tokens. */
const keyOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const SORT_KEYS_SQL = `${keyOf('updated_at')} AS updated_key, ${keyOf('stage_deadline')} AS deadline_key`;

const ORDER_BY: Record<OrderSort, string> = {
  '-updatedAt': 'updated_at DESC, order_id DESC',
  updatedAt: 'updated_at ASC, order_id ASC',
  stageDeadline: 'stage_deadline ASC NULLS LAST, order_id ASC',
};

/** `\`, `%` and `_` match themselves in a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * The WHERE, ORDER BY and LIMIT of one list page, with its parameters. With `q`, `candidates` are
 * the orders its index found (orderSearch.ts); `LIKE` on search_text decides.
 */
export function listOrdersSql(
  query: OrderListQuery,
  candidates: SearchCandidates = 'many',
): {
  where: string;
  orderBy: string;
  limit: string;
  params: unknown[];
} {
  const sort = query.sort ?? '-updatedAt';
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (query.stage !== undefined) where.push(`stage = ${param(query.stage)}`);
  if (query.stalled !== undefined) where.push(`stalled = ${param(query.stalled)}`);
  const contains = (column: string, part: string) =>
    where.push(`${column} LIKE '%' || lower(${param(escapeLike(part))}) || '%'`);
  if (query.customer !== undefined) where.push(`customer_company = ${param(query.customer)}`);
  if (query.customerPart !== undefined) contains('lower(customer_company)', query.customerPart);
  if (query.accountManager !== undefined) {
    where.push(`lower(account_manager_email) = lower(${param(query.accountManager)})`);
  }
  if (query.accountManagerName !== undefined)
    contains('lower(account_manager_name)', query.accountManagerName);
  if (query.template !== undefined) where.push(`template = ${param(query.template)}`);
  // search_text is stored lower-cased.
  if (query.q) {
    contains('search_text', query.q);
    // The company's own rows by primary key (the policy's OR keeps it out of the index condition).
    if (candidates !== 'many')
      where.push(
        `company = nullif(current_setting('app.company', true), '') AND order_id = ANY(${param(candidates)}::text[])`,
      );
  }
  if (query.outstanding !== undefined) {
    where.push(query.outstanding ? 'amount_outstanding > 0' : 'coalesce(amount_outstanding, 0) <= 0');
  }
  if (query.overdue !== undefined) {
    const now = param((query.now ?? new Date()).toISOString());
    where.push(
      query.overdue
        ? `next_due_at < ${now}::timestamptz`
        : `coalesce(next_due_at >= ${now}::timestamptz, true)`,
    );
  }
  if (query.pageToken !== undefined) {
    const after = decodeCursor(query.pageToken, pageTokenSchema);
    if (after.sort !== sort) throw new InvalidCursorError('the page token belongs to another sort order');
    where.push(afterToken(after, param));
  }
  return {
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    orderBy: `ORDER BY ${ORDER_BY[sort]}`,
    limit: `LIMIT ${param(query.pageSize + 1)}`,
    params,
  };
}

function afterToken(after: PageToken, param: (value: unknown) => string): string {
  const id = param(after.orderId);
  switch (after.sort) {
    case '-updatedAt':
      return `(updated_at, order_id) < (${param(after.key)}::timestamptz, ${id})`;
    case 'updatedAt':
      return `(updated_at, order_id) > (${param(after.key)}::timestamptz, ${id})`;
    case 'stageDeadline': {
      if (after.key === null) return `(stage_deadline IS NULL AND order_id > ${id})`;
      const key = `${param(after.key)}::timestamptz`;
      return `(stage_deadline > ${key} OR (stage_deadline = ${key} AND order_id > ${id}) OR stage_deadline IS NULL)`;
    }
  }
}

/** The token for the page after `last` (its sort keys as selected with SORT_KEYS_SQL). */
export function nextPageToken(
  sort: OrderSort | undefined,
  last: { order_id: string; updated_key: string; deadline_key: string | null },
): string {
  const effective = sort ?? '-updatedAt';
  const key = effective === 'stageDeadline' ? last.deadline_key : last.updated_key;
  const token: PageToken = { sort: effective, key, orderId: last.order_id };
  return encodeCursor(token);
}
