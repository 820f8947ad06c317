/** A file kept with the order (the signed contract, a B/L scan, a QC report): the timeline's record of it. */
import { ATTACHMENT_CONTENT_TYPES } from '../fileType';
import { accepted } from '../outcome';
import { line } from '../schemas/common';
import { describe, z } from '../zod';
import { defineEvent } from './define';

export const ATTACHMENT_KINDS = ['CONTRACT', 'BL', 'LC', 'QC_REPORT', 'INVOICE', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const attachmentKindSchema = describe(
  z.enum(ATTACHMENT_KINDS),
  'What the file is: the contract, a B/L, the L/C, a QC report, an invoice, or something else',
);

/** A bound far above any configured upload limit: the event only says how big the stored file is. */
const MAX_RECORDED_SIZE = 1024 * 1024 * 1024;

export const attachmentAdded = defineEvent({
  type: 'ATTACHMENT_ADDED',
  description:
    'A file was attached to the order (recorded by POST /orders/{orderId}/attachments, which keeps the bytes in PostgreSQL; this event carries only what describes them)',
  fields: {
    attachmentId: line(64, 'The id the attachment is downloaded by'),
    kind: attachmentKindSchema,
    fileName: line(255, 'The file name as uploaded'),
    contentType: describe(z.enum(ATTACHMENT_CONTENT_TYPES), 'The type its bytes showed'),
    size: describe(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RECORDED_SIZE)), 'Bytes'),
    forBuyer: describe(z._default(z.boolean(), false), "Shown on the buyer's tracking page"),
  },
  // Signed papers, the B/L scan and claims' evidence come at any time, also after the order closes.
  allowedWhen: () => true,
  afterClose: true,
  recordedBy: 'POST /orders/{orderId}/attachments',
  correction: {
    never: 'the file is kept as it was uploaded: attach the right file again and say why in a note',
  },
  decide(state, e) {
    return accepted(state, `Attachment added: ${e.fileName} (${e.kind})`);
  },
});
