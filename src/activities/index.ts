import { chatRoutesFor } from '../config/chatWebhooks';
import {
  EMAILS,
  type DocumentAttachment,
  type Email,
  type EmailActivity,
  type EmailDefinition,
  type InputOf,
  type LetterContext,
  type MessageKey,
  type RenderedDocument,
} from '../domain/effects';
import { notifyChat } from './chat/notify';
import { documentInput, keptAsIssued, missingFor } from '../documents/fromOrder';
import { buildDocumentModel, type DocumentModel } from '../documents/model';
import { renderDocument as renderInProcess } from '../documents/render';
import { checkedInput } from '../text/invalidInput';
import { parseIso } from '../text/format';
import { sendEmail } from './mail';
import type { ActivityDeps, ChatDelivery, ExporterProfile, ReminderNotice, SentEmail } from './types';
import { sendStallReminder, type StallReminderInput } from '../domain/effects/stallReminder';

export { createMailTransport, SMTP_TIMEOUTS } from './mail';
export { FailureType } from './errors';
export { ChatFailureType } from './chat/errors';
export type * from './types';

/** One activity per email definition, by the name recorded in histories. */
export type EmailActivities = {
  [E in Email as E['activity']]: (input: InputOf<E>) => Promise<SentEmail>;
};

export type OrderActivities = EmailActivities & {
  /** The reminder to the chat robots configured for it (none: a no-op). */
  notifyChat(notice: ReminderNotice): Promise<ChatDelivery[]>;
};

/** A rendered attachment: the file, and what the covering letter may say of it. */
interface RenderedAttachment {
  file: { filename: string; content: Buffer };
  document: RenderedDocument;
  /** An original kept as sent (the proforma): stored before the email goes out. */
  kept: boolean;
}

/** What a covering letter reads of a document model. */
function renderedDocument(model: DocumentModel): RenderedDocument {
  return {
    kind: model.kind,
    number: model.number,
    issuedAt: model.issuedAt,
    contractNo: model.input.contract?.number ?? null,
    incoterm: model.incoterm,
    vesselVoyage: model.vesselVoyage,
    etd: model.etd,
    blNo: model.blNo,
    printedBlType: model.blType,
    blType: model.input.blType,
    total: model.total,
    outstanding: model.outstanding,
    owesMoney: model.outstandingMinor > 0n,
  };
}

/**
 * The activities with their dependencies bound: one per email definition in the domain, all sent the
 * same way. Each is a plain async function (register the object with the worker; call them directly
 * in tests) and idempotent: a retry sends the same Message-ID, Date header and attachments, so a
 * receiver that dedupes on Message-ID sees one email.
 */
export function createActivities(deps: ActivityDeps): OrderActivities {
  const clock = deps.clock ?? (() => new Date());
  const renderDocument = deps.renderDocument ?? renderInProcess;
  const orderUrl = (orderId: string): string =>
    `${deps.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(orderId)}`;
  const consoleUrl = (orderId: string): string | undefined =>
    deps.publicBaseUrl
      ? `${deps.publicBaseUrl.replace(/\/+$/, '')}/console/#/orders/${encodeURIComponent(orderId)}`
      : undefined;

  /** The documents an email carries, built from the order and rendered as PDFs. */
  const render = async (
    attachments: DocumentAttachment[],
    exporter: ExporterProfile,
  ): Promise<RenderedAttachment[]> => {
    const models = attachments
      .filter((a) => !a.optional || missingFor(a.order, a.kind).length === 0)
      .map((a) => ({
        attachment: a,
        model: buildDocumentModel(documentInput(a.order, a.kind, exporter)),
      }));
    return Promise.all(
      models.map(async ({ attachment, model }) => ({
        file: {
          filename: attachment.fileName(model.number),
          content: await renderDocument(model, attachment.mark),
        },
        document: renderedDocument(model),
        kept: attachment.mark === 'ORIGINAL' && keptAsIssued(attachment.kind),
      })),
    );
  };

  /** The order's company's profile (the configured one where no company settings are given). */
  const exporterNow = async () => (deps.company ? deps.company.exporter() : deps.exporter);

  /** An escalated stall reminder also goes to the company's customer managers (the platform's). */
  const escalationCopies = async (email: EmailDefinition, input: MessageKey): Promise<string[]> =>
    email.activity === sendStallReminder.activity && (input as StallReminderInput).escalated
      ? ((await deps.company?.customerManagers()) ?? [])
      : [];

  const send = async (email: EmailDefinition, input: MessageKey): Promise<SentEmail> => {
    const exporter = await exporterNow();
    const attached = email.attachments ? await render(email.attachments(input), exporter) : undefined;
    const [first] = attached ?? [];
    // The workflow's decision time when it sent one; else the documents' own, else the clock.
    const date =
      input.requestedAt !== undefined
        ? parseIso(input.requestedAt, 'requestedAt')
        : email.datedByDocuments && first
          ? first.document.issuedAt
          : clock();
    const context: LetterContext = {
      exporter,
      date,
      orderUrl: orderUrl(input.orderId),
      consoleUrl: consoleUrl(input.orderId),
      trackingUrl: () => deps.trackingLink?.(input.orderId, date),
      documents: attached?.map((a) => a.document) ?? [],
    };
    // A letter is pure: input it cannot be written from fails the same way on every attempt.
    const letter = checkedInput(() => email.letter(input, context));
    for (const a of attached ?? [])
      if (a.kept)
        await deps.keepIssued?.({
          orderId: input.orderId,
          kind: a.document.kind,
          number: a.document.number,
          fileName: a.file.filename,
          pdf: a.file.content,
          issuedAt: date,
        });
    return sendEmail(deps, {
      purpose: email.purpose,
      // One shipment's email of several is a message of its own.
      idPurpose: input.shipment
        ? `${email.idPurpose?.(input) ?? email.purpose}-${input.shipment.shipmentId}`
        : email.idPurpose?.(input),
      key: input,
      date,
      ...withCopies(email.recipients(input), await escalationCopies(email, input)),
      ...letter,
      attachments: attached?.map((a) => a.file),
    });
  };

  // `EMAILS` holds every email of `EmailActivities`, each of which takes at least a `MessageKey`.
  const emails = Object.fromEntries(
    EMAILS.map((email) => [email.activity, (input: MessageKey) => send(email, input)]),
  ) as Record<EmailActivity, (input: MessageKey) => Promise<SentEmail>>;
  return {
    ...emails,
    async notifyChat(notice) {
      const webhooks = deps.chatWebhooks;
      return notifyChat(
        {
          routes: (n) => (webhooks ? chatRoutesFor(webhooks, n) : []),
          orderUrl,
          clock,
          timeZone: deps.exporter.timeZone,
        },
        notice,
      );
    },
  };
}

function withCopies(recipients: { to: readonly string[]; cc: readonly string[] }, copies: string[]) {
  return copies.length ? { ...recipients, cc: [...recipients.cc, ...copies] } : recipients;
}
