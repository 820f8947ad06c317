import { documentInput, missingFor } from '../documents/fromOrder';
import { chatRoutesFor } from '../config/chatWebhooks';
import { notifyChat } from './chat/notify';
import { buildDocumentModel } from '../documents/model';
import { renderDocument as renderInProcess } from '../documents/render';
import { safeToken } from '../text/escape';
import { parseIso } from '../text/format';
import { sendEmail } from './mail';
import { EmailPurpose } from './purposes';
import { bookingRequestEmail } from './templates/booking-request';
import { cargoReadyNoticeEmail } from './templates/cargo-ready-notice';
import { cancellationNoticeEmail } from './templates/cancellation-notice';
import { documentSetEmail } from './templates/document-set';
import { stallReminderEmail } from './templates/stall-reminder';
import { collectionInstructionsEmail } from './templates/collection-instructions';
import { customerCancellationEmail } from './templates/customer-cancellation';
import { paymentRequestEmail } from './templates/payment-request';
import { presentationChecklistEmail } from './templates/presentation-checklist';
import { telexReleaseRequestEmail } from './templates/telex-release-request';
import type { RenderedEmail } from './templates/layout';
import type {
  ActivityDeps,
  BookingRequestInput,
  CargoReadyNoticeInput,
  CancellationNoticeInput,
  ChatDelivery,
  CollectionInstructionsInput,
  CustomerCancellationInput,
  DocumentMark,
  DocumentSetInput,
  MessageKey,
  PaymentRequestInput,
  PresentationChecklistInput,
  ReminderNotice,
  SentEmail,
  StallReminderInput,
  TelexReleaseRequestInput,
} from './types';

export { createMailTransport, SMTP_TIMEOUTS } from './mail';
export { FailureType } from './errors';
export { ChatFailureType } from './chat/errors';
export type * from './types';

export { EmailPurpose };

export interface OrderActivities {
  sendStallReminder(input: StallReminderInput): Promise<SentEmail>;
  sendBookingRequest(input: BookingRequestInput): Promise<SentEmail>;
  sendCargoReadyNotice(input: CargoReadyNoticeInput): Promise<SentEmail>;
  sendDocumentCopies(input: DocumentSetInput): Promise<SentEmail>;
  dispatchDocuments(input: DocumentSetInput): Promise<SentEmail>;
  sendCancellationNotice(input: CancellationNoticeInput): Promise<SentEmail>;
  sendPaymentRequest(input: PaymentRequestInput): Promise<SentEmail>;
  sendCustomerCancellation(input: CustomerCancellationInput): Promise<SentEmail>;
  sendCollectionInstructions(input: CollectionInstructionsInput): Promise<SentEmail>;
  sendPresentationChecklist(input: PresentationChecklistInput): Promise<SentEmail>;
  sendTelexReleaseRequest(input: TelexReleaseRequestInput): Promise<SentEmail>;
  /** The reminder to the chat robots configured for it (none: a no-op). */
  notifyChat(notice: ReminderNotice): Promise<ChatDelivery[]>;
}

/**
 * The activities with their dependencies bound. Each is a plain async function (register the object
 * with the worker; call them directly in tests) and idempotent: a retry sends the same Message-ID,
 * Date header and attachments, so a receiver that dedupes on Message-ID sees one email.
 */
export function createActivities(deps: ActivityDeps): OrderActivities {
  const clock = deps.clock ?? (() => new Date());
  const renderDocument = deps.renderDocument ?? renderInProcess;
  const orderUrl = (orderId: string): string =>
    `${deps.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(orderId)}`;
  /** The workflow's decision time when it sent one; the clock only as a fallback. */
  const dateOf = (key: MessageKey): Date =>
    key.requestedAt !== undefined ? parseIso(key.requestedAt, 'requestedAt') : clock();

  /** Emails to customers, forwarders and the buyer's side copy the account manager, who answers them. */
  const onBehalfOfAccountManager = (to: string, input: { accountManager: { email: string } }) => ({
    to: [to],
    cc: [input.accountManager.email],
    replyTo: input.accountManager.email,
  });
  /** One rendered email to `to`, on the account manager's behalf, dated by the workflow's decision. */
  const sendOnBehalf = (
    purpose: string,
    to: string,
    input: MessageKey & { accountManager: { email: string } },
    email: RenderedEmail,
  ): Promise<SentEmail> =>
    sendEmail(deps, {
      purpose,
      key: input,
      date: dateOf(input),
      ...onBehalfOfAccountManager(to, input),
      ...email,
    });
  const toAccountManager = (input: { accountManager: { email: string } }) => ({
    to: [input.accountManager.email],
    cc: [],
  });

  /** The proforma invoice with our bank details: what the customer pays against. */
  const proforma = async (input: PaymentRequestInput): Promise<Buffer> =>
    renderDocument(
      buildDocumentModel(documentInput(input.order, 'proforma-invoice', deps.exporter)),
      'ORIGINAL',
    );

  const sendDocumentSet = async (input: DocumentSetInput, mark: DocumentMark): Promise<SentEmail> => {
    const { order } = input;
    const invoiceModel = buildDocumentModel(documentInput(order, 'commercial-invoice', deps.exporter));
    const packingModel = buildDocumentModel(documentInput(order, 'packing-list', deps.exporter));
    const [invoice, packingList] = await Promise.all([
      renderDocument(invoiceModel, mark),
      renderDocument(packingModel, mark),
    ]);
    const suffix = mark === 'COPY' ? '-COPY' : '';
    // Documents carry their own issue time; using it keeps the whole message stable across retries.
    const date =
      input.requestedAt !== undefined ? parseIso(input.requestedAt, 'requestedAt') : invoiceModel.issuedAt;
    const email = documentSetEmail(
      invoiceModel,
      order,
      deps.exporter,
      mark,
      deps.trackingLink?.(input.orderId, date),
    );
    return sendEmail(deps, {
      purpose: mark === 'COPY' ? EmailPurpose.DocumentCopies : EmailPurpose.DocumentDispatch,
      key: input,
      date,
      ...onBehalfOfAccountManager(order.customer.email, order),
      ...email,
      attachments: [
        { filename: `Commercial-Invoice-${safeToken(invoiceModel.number)}${suffix}.pdf`, content: invoice },
        { filename: `Packing-List-${safeToken(packingModel.number)}${suffix}.pdf`, content: packingList },
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
      return sendOnBehalf(
        EmailPurpose.BookingRequest,
        input.forwarder.email,
        input,
        bookingRequestEmail(input, deps.exporter),
      );
    },

    async sendCargoReadyNotice(input) {
      return sendOnBehalf(
        EmailPurpose.CargoReadyNotice,
        input.recipient.email,
        input,
        cargoReadyNoticeEmail(input, deps.exporter),
      );
    },

    async sendTelexReleaseRequest(input) {
      return sendOnBehalf(
        EmailPurpose.TelexReleaseRequest,
        input.forwarder.email,
        input,
        telexReleaseRequestEmail(input, deps.exporter),
      );
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

    // Payments: the request goes to the customer (the account manager answers); the bank papers to the account manager.
    async sendPaymentRequest(input) {
      return sendEmail(deps, {
        purpose: EmailPurpose.PaymentRequest,
        idPurpose: `${EmailPurpose.PaymentRequest}-${input.part.toLowerCase()}`,
        key: input,
        date: dateOf(input),
        ...onBehalfOfAccountManager(input.customer.email, input),
        ...paymentRequestEmail(input, deps.exporter),
        // The request goes out even when the order lacks what a proforma needs (a unit, say).
        attachments:
          missingFor(input.order, 'proforma-invoice').length === 0
            ? [
                {
                  filename: `Proforma-Invoice-${safeToken(input.contractNo)}.pdf`,
                  content: await proforma(input),
                },
              ]
            : [],
      });
    },

    async sendCustomerCancellation(input) {
      const email = customerCancellationEmail(input, deps.exporter);
      return sendOnBehalf(EmailPurpose.CustomerCancellation, input.customer.email, input, email);
    },

    async sendCollectionInstructions(input) {
      return sendEmail(deps, {
        purpose: EmailPurpose.CollectionInstructions,
        key: input,
        date: dateOf(input),
        ...toAccountManager(input),
        ...collectionInstructionsEmail(input, deps.exporter),
      });
    },

    async sendPresentationChecklist(input) {
      return sendEmail(deps, {
        purpose: EmailPurpose.PresentationChecklist,
        key: input,
        date: dateOf(input),
        ...toAccountManager(input),
        ...presentationChecklistEmail(input, deps.exporter),
      });
    },

    async notifyChat(notice) {
      const webhooks = deps.chatWebhooks;
      return notifyChat(
        { routes: (n) => (webhooks ? chatRoutesFor(webhooks, n) : []), orderUrl, clock },
        notice,
      );
    },
  };
}
