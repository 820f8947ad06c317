import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { classifySendError, invalidInput } from './errors';
import { oneLine, safeToken, type SafeHtml } from '../domain/letters/escape';
import { normalizeRecipients } from './recipients';
import type { ActivityDeps, MessageKey, SentEmail } from './types';

/**
 * Every network wait is bounded well below the activities' 60 s start-to-close timeout, so a hung
 * relay surfaces as a classified, retryable failure instead of an activity timeout.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  dnsTimeout: 10_000,
} as const;

/** One transport per worker; not pooled, so no idle connection outlives a send. */
export function createMailTransport(smtpUrl: string): Transporter<SMTPTransport.SentMessageInfo> {
  if (!/^smtps?:\/\//i.test(smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://`);
  return createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
}

/** Domain of `Name <user@domain>` or `user@domain`; it names our Message-IDs. */
export function mailDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom.trim());
  if (!match?.[1]) throw new Error(`MAIL_FROM has no domain: ${JSON.stringify(mailFrom)}`);
  return match[1].toLowerCase();
}

/** `<orderId.purpose.sequence@domain>`: the same email decision always gets the same id. */
export function messageIdFor(orderId: string, idPurpose: string, sequence: number, domain: string): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw invalidInput(`sequence must be >= 1, got ${sequence}`);
  return `<${safeToken(orderId)}.${safeToken(idPurpose)}.${sequence}@${domain}>`;
}

export interface OutgoingEmail {
  /** What the workflow records, e.g. `booking-request`. */
  purpose: string;
  /** Purpose part of the Message-ID when it needs more than `purpose` to be unique (e.g. the stage). */
  idPurpose?: string;
  key: MessageKey;
  date: Date;
  to: readonly string[];
  cc: readonly string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: SafeHtml;
  attachments?: { filename: string; content: Buffer }[];
}

/** Sends one email and reports it; every failure leaves as a classified Temporal failure. */
export async function sendEmail(deps: ActivityDeps, email: OutgoingEmail): Promise<SentEmail> {
  const recipients = normalizeRecipients(email.to, email.cc);
  const messageId = messageIdFor(
    email.key.orderId,
    email.idPurpose ?? email.purpose,
    email.key.sequence,
    mailDomain(deps.mailFrom),
  );
  const subject = oneLine(email.subject, 250);
  try {
    const info = await deps.transport.sendMail({
      from: deps.mailFrom,
      to: recipients.to,
      cc: recipients.cc,
      replyTo: email.replyTo,
      subject,
      text: email.text,
      html: email.html.value,
      messageId,
      date: email.date,
      headers: { 'X-Order-Id': safeToken(email.key.orderId), 'X-Email-Purpose': email.purpose },
      attachments: email.attachments?.map((a) => ({ ...a, contentType: 'application/pdf' })),
    });
    const rejected = info.rejected ?? [];
    const sent: SentEmail = {
      purpose: email.purpose,
      to: recipients.to,
      cc: recipients.cc,
      subject,
      sentAt: email.date.toISOString(),
      messageId,
    };
    return rejected.length > 0 ? { ...sent, rejected } : sent;
  } catch (err) {
    throw classifySendError(err);
  }
}
