import type { ScopedPool } from './scopedPool';

/** A document as it was sent (see migrations/1794100000000_issued-documents.sql). */
export interface IssuedDocument {
  orderId: string;
  /** The URL kind, e.g. `proforma-invoice`. */
  kind: string;
  number: string;
  fileName: string;
  pdf: Buffer;
  issuedAt: Date;
}

export interface IssuedDocumentStore {
  /** Keeps what was sent; a later sending of the same kind replaces it (the customer's latest copy). */
  keepIssued(document: IssuedDocument): Promise<void>;
  /** The document of this kind as last sent, or null when none was. */
  issuedDocument(orderId: string, kind: string): Promise<IssuedDocument | null>;
}

interface IssuedRow {
  order_id: string;
  kind: string;
  number: string;
  file_name: string;
  pdf: Buffer;
  issued_at: Date;
}

export function issuedDocumentStore({ query }: ScopedPool): IssuedDocumentStore {
  return {
    async keepIssued(d) {
      // A retried or late activity never replaces a newer sending.
      await query(
        `INSERT INTO issued_documents (order_id, kind, number, file_name, pdf, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (company, order_id, kind) DO UPDATE
           SET number = excluded.number, file_name = excluded.file_name, pdf = excluded.pdf,
               issued_at = excluded.issued_at
           WHERE issued_documents.issued_at <= excluded.issued_at`,
        [d.orderId, d.kind, d.number, d.fileName, d.pdf, d.issuedAt],
      );
    },
    async issuedDocument(orderId, kind) {
      const rows = await query<IssuedRow>(
        'SELECT order_id, kind, number, file_name, pdf, issued_at FROM issued_documents WHERE order_id = $1 AND kind = $2',
        [orderId, kind],
      );
      const row = rows[0];
      return row
        ? {
            orderId: row.order_id,
            kind: row.kind,
            number: row.number,
            fileName: row.file_name,
            pdf: row.pdf,
            issuedAt: row.issued_at,
          }
        : null;
    },
  };
}
