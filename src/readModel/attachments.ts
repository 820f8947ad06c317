import type { ScopedPool } from './scopedPool';

/** What describes a file kept with an order (see migrations/1792034000000_attachments.sql). */
export interface AttachmentRecord {
  id: string;
  orderId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  forBuyer: boolean;
  addedBy: string;
  addedAt: string;
}

export interface AttachmentStore {
  /** Stores the bytes before the order records ATTACHMENT_ADDED (not listed until it did). */
  addAttachment(record: AttachmentRecord, content: Uint8Array): Promise<void>;
  /** The order took the event: the attachment is listed from now on. */
  markAttachmentRecorded(id: string, at: Date): Promise<void>;
  /** The order refused the event: nothing of the attachment is left. */
  removeAttachment(id: string): Promise<void>;
  /**
   * The order's attachments, oldest first: those it recorded (also a late record after a timeout,
   * found on the timeline by the event id `attachment-<id>`).
   */
  attachments(orderId: string): Promise<AttachmentRecord[]>;
  /** One listed attachment with its bytes, or null. */
  attachmentContent(
    orderId: string,
    id: string,
  ): Promise<{ record: AttachmentRecord; content: Buffer } | null>;
}

/** The timeline's event id for an attachment: also the update id, so a retried record is applied once. */
export const attachmentEventId = (id: string) => `attachment-${id}`;

interface AttachmentRow {
  id: string;
  order_id: string;
  kind: string;
  file_name: string;
  content_type: string;
  size: number;
  for_buyer: boolean;
  added_by: string;
  added_at: Date;
}

const COLUMNS =
  'a.id, a.order_id, a.kind, a.file_name, a.content_type, a.size, a.for_buyer, a.added_by, a.added_at';
const LISTED = `(a.recorded_at IS NOT NULL OR EXISTS (
  SELECT 1 FROM timeline t WHERE t.order_id = a.order_id AND t.event_id = 'attachment-' || a.id::text))`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toRecord = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id,
  orderId: row.order_id,
  kind: row.kind,
  fileName: row.file_name,
  contentType: row.content_type,
  size: row.size,
  forBuyer: row.for_buyer,
  addedBy: row.added_by,
  addedAt: row.added_at.toISOString(),
});

export function attachmentStore({ query }: ScopedPool): AttachmentStore {
  return {
    async addAttachment(r, content) {
      await query(
        `INSERT INTO attachments (id, order_id, kind, file_name, content_type, size, for_buyer, added_by, added_at, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          r.id,
          r.orderId,
          r.kind,
          r.fileName,
          r.contentType,
          r.size,
          r.forBuyer,
          r.addedBy,
          r.addedAt,
          Buffer.from(content),
        ],
      );
    },
    async markAttachmentRecorded(id, at) {
      await query('UPDATE attachments SET recorded_at = $2 WHERE id = $1 AND recorded_at IS NULL', [id, at]);
    },
    async removeAttachment(id) {
      await query('DELETE FROM attachments WHERE id = $1', [id]);
    },
    async attachments(orderId) {
      const rows = await query<AttachmentRow>(
        `SELECT ${COLUMNS} FROM attachments a WHERE a.order_id = $1 AND ${LISTED} ORDER BY a.added_at, a.id`,
        [orderId],
      );
      return rows.map(toRecord);
    },
    async attachmentContent(orderId, id) {
      // An id that is no uuid names no attachment (and must not reach the uuid column).
      if (!UUID.test(id)) return null;
      const rows = await query<AttachmentRow & { content: Buffer }>(
        `SELECT ${COLUMNS}, a.content FROM attachments a WHERE a.id = $1 AND a.order_id = $2 AND ${LISTED}`,
        [id, orderId],
      );
      const row = rows[0];
      return row ? { record: toRecord(row), content: row.content } : null;
    },
  };
}
