import { buildDocumentModel } from './documents/model';
import { renderCommercialInvoice } from './documents/commercial-invoice';
import { renderPackingList } from './documents/packing-list';
import { safeToken } from './escape';
import { parseIso } from './format';
import { sendEmail } from './mail';
import { EmailPurpose } from './purposes';
import { bookingRequestEmail } from './templates/booking-request';
import { cancellationNoticeEmail } from './templates/cancellation-notice';
import { documentSetEmail } from './templates/document-set';
import { stallReminderEmail } from './templates/stall-reminder';
import type {
  ActivityDeps,
  BookingRequestInput,
  CancellationNoticeInput,
  DocumentMark,
  DocumentSetInput,
  MessageKey,
  SentEmail,
  StallReminderInput,
} from './types';

export { createMailTransport, SMTP_TIMEOUTS } from './mail';
export { FailureType } from './errors';
export type * from './types';

export { EmailPurpose };

export interface OrderActivities {
  sendStallReminder(input: StallReminderInput): Promise<SentEmail>;
  sendBookingRequest(input: BookingRequestInput): Promise<SentEmail>;
  sendDocumentCopies(input: DocumentSetInput): Promise<SentEmail>;
  dispatchDocuments(input: DocumentSetInput): Promise<SentEmail>;
  sendCancellationNotice(input: CancellationNoticeInput): Promise<SentEmail>;
}

/**
 * The activities with their dependencies bound. Each is a plain async function (register the object
 * with the worker; call them directly in tests) and idempotent: a retry sends the same Message-ID,
 * Date header and attachments, so a receiver that dedupes on Message-ID sees one email.
 */
export function createActivities(deps: ActivityDeps): OrderActivities {
  const clock = deps.clock ?? (() => new Date());
  const orderUrl = (orderId: string): string =>
    `${deps.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(orderId)}`;
  /** The workflow's decision time when it sent one; the clock only as a fallback. */
  const dateOf = (key: MessageKey): Date =>
    key.requestedAt !== undefined ? parseIso(key.requestedAt, 'requestedAt') : clock();

  const sendDocumentSet = async (input: DocumentSetInput, mark: DocumentMark): Promise<SentEmail> => {
    const model = buildDocumentModel(input);
    const [invoice, packingList] = await Promise.all([
      renderCommercialInvoice(model, deps.exporter, mark),
      renderPackingList(model, deps.exporter, mark),
    ]);
    const suffix = mark === 'COPY' ? '-COPY' : '';
    const invoiceNo = safeToken(input.invoiceNo);
    const email = documentSetEmail(model, deps.exporter, mark);
    return sendEmail(deps, {
      purpose: mark === 'COPY' ? EmailPurpose.DocumentCopies : EmailPurpose.DocumentDispatch,
      key: input,
      // Documents carry their own issue time; using it keeps the whole message stable across retries.
      date: input.requestedAt !== undefined ? parseIso(input.requestedAt, 'requestedAt') : model.issuedAt,
      to: [input.customer.email],
      cc: [input.accountManager.email],
      replyTo: input.accountManager.email,
      ...email,
      attachments: [
        { filename: `Commercial-Invoice-${invoiceNo}${suffix}.pdf`, content: invoice },
        { filename: `Packing-List-${invoiceNo}${suffix}.pdf`, content: packingList },
      ],
    });
  };

  return {
    async sendStallReminder(input) {
      const date = dateOf(input);
      const email = stallReminderEmail(input, {
        now: date,
        orderUrl: orderUrl(input.orderId),
        exporterName: deps.exporter.name,
      });
      return sendEmail(deps, {
        purpose: EmailPurpose.StallReminder,
        // Reminder numbers restart in every stage, so the stage keeps Message-IDs unique per order.
        idPurpose: `${EmailPurpose.StallReminder}-${input.stage.toLowerCase()}`,
        key: input,
        date,
        to: input.to,
        cc: input.cc,
        ...email,
      });
    },

    async sendBookingRequest(input) {
      return sendEmail(deps, {
        purpose: EmailPurpose.BookingRequest,
        key: input,
        date: dateOf(input),
        to: [input.forwarder.email],
        cc: [input.accountManager.email],
        replyTo: input.accountManager.email,
        ...bookingRequestEmail(input, deps.exporter),
      });
    },

    async sendDocumentCopies(input) {
      return sendDocumentSet(input, 'COPY');
    },

    async dispatchDocuments(input) {
      return sendDocumentSet(input, 'ORIGINAL');
    },

    async sendCancellationNotice(input) {
      return sendEmail(deps, {
        purpose: EmailPurpose.CancellationNotice,
        key: input,
        date: dateOf(input),
        to: [input.accountManager.email],
        cc: [],
        ...cancellationNoticeEmail(input, {
          orderUrl: orderUrl(input.orderId),
          exporterName: deps.exporter.name,
        }),
      });
    },
  };
}
