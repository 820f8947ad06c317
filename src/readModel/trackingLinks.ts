import { Pool } from 'pg';
import { scopedPool } from './scopedPool';

/** Revocations of buyer tracking links: per order, every link issued up to a moment. */
export interface TrackingLinkStore {
  /** Links of the order issued at or before `before` stop working. */
  revoke(orderId: string, before: Date, by: string): Promise<void>;
  /** The latest revocation of the order's links, or null. */
  revokedBefore(orderId: string): Promise<Date | null>;
  close(): Promise<void>;
}

export function createTrackingLinkStore(options: {
  url: string;
  connectTimeoutMs?: number;
  /** As in ReadModelOptions: the company outside any scope (tests). */
  company?: string;
}): TrackingLinkStore {
  const pool = new Pool({
    connectionString: options.url,
    max: 3,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    idleTimeoutMillis: 30_000,
    application_name: 'orderdesk-tracking',
  });
  pool.on('error', () => undefined);
  const { query } = scopedPool(pool, options.company);
  return {
    async revoke(orderId, before, by) {
      await query(
        `INSERT INTO tracking_link_revocations (order_id, revoked_before, revoked_by) VALUES ($1, $2, $3)
           ON CONFLICT (company, order_id) DO UPDATE SET revoked_before = GREATEST(tracking_link_revocations.revoked_before, excluded.revoked_before), revoked_by = excluded.revoked_by`,
        [orderId, before, by],
      );
    },
    async revokedBefore(orderId) {
      const rows = await query<{ revoked_before: Date }>(
        'SELECT revoked_before FROM tracking_link_revocations WHERE order_id = $1',
        [orderId],
      );
      return rows[0]?.revoked_before ?? null;
    },
    close: () => pool.end(),
  };
}
