import { ApplicationFailure } from '@temporalio/common';

/** Failure types the workflow (and its retry policy) can branch on. */
export const FailureType = {
  InvalidInput: 'InvalidActivityInput',
  InvalidRecipient: 'InvalidRecipient',
  RecipientRejected: 'SmtpRecipientRejected',
  PermanentFailure: 'SmtpPermanentFailure',
  TemporaryFailure: 'SmtpTemporaryFailure',
  Unavailable: 'SmtpUnavailable',
  AuthFailed: 'SmtpAuthFailed',
  Unknown: 'SmtpError',
} as const;

/** Bad input will be just as bad on the next attempt: fail at once. */
export { invalidInput } from '../text/invalidInput';

/** The parts of a nodemailer error that say what went wrong. */
interface SmtpErrorShape {
  message: string;
  code?: string;
  /** The system error code behind nodemailer's own, e.g. ECONNREFUSED behind ESOCKET. */
  originalCode?: string;
  responseCode?: number;
  command?: string;
  rejected?: string[];
}

function asSmtpError(err: unknown): SmtpErrorShape {
  // Duck-typed rather than `instanceof Error`: errors raised by Node's net module come from another
  // realm under jest (and possibly other sandboxes), where instanceof is false.
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const e = err as Partial<
      Record<'message' | 'code' | 'originalCode' | 'responseCode' | 'command' | 'rejected', unknown>
    >;
    return {
      message: String(e.message),
      code: typeof e.code === 'string' ? e.code : undefined,
      originalCode: typeof e.originalCode === 'string' ? e.originalCode : undefined,
      responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
      command: typeof e.command === 'string' ? e.command : undefined,
      rejected: Array.isArray(e.rejected) ? e.rejected.map(String) : undefined,
    };
  }
  return { message: String(err) };
}

/** Network-level trouble: the relay may be back in a minute, so Temporal should retry. */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Maps a send error to a Temporal failure: permanent 5xx answers and invalid recipients are
 * non-retryable (a retry would get the same answer); connection errors, timeouts and 4xx are retried.
 * Authentication failures stay retryable although they are 5xx: they are a deployment problem that an
 * operator fixes, and the order should then go on rather than lose the email for good.
 */
export function classifySendError(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = asSmtpError(err);
  const cause = err instanceof Error ? err : undefined; // foreign-realm errors travel as details only
  const fail = (type: string, nonRetryable: boolean, message = e.message): ApplicationFailure =>
    ApplicationFailure.create({ message, type, nonRetryable, cause, details: [describe(e)] });

  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return fail(FailureType.AuthFailed, false);
  if (e.responseCode !== undefined && e.responseCode >= 500) {
    const rejectedRecipients = e.code === 'EENVELOPE' || e.command?.startsWith('RCPT') === true;
    return fail(rejectedRecipients ? FailureType.RecipientRejected : FailureType.PermanentFailure, true);
  }
  if (e.responseCode !== undefined && e.responseCode >= 400) return fail(FailureType.TemporaryFailure, false);
  // Without a server answer, EENVELOPE/EMESSAGE come from nodemailer's own checks of the message.
  if (e.code === 'EENVELOPE') return fail(FailureType.InvalidRecipient, true);
  if (e.code === 'EMESSAGE') return fail(FailureType.PermanentFailure, true);
  if ([e.code, e.originalCode].some((c) => c !== undefined && CONNECTION_CODES.has(c)))
    return fail(FailureType.Unavailable, false);
  return fail(FailureType.Unknown, false);
}

function describe(e: SmtpErrorShape): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  if (e.code !== undefined) out.code = e.code;
  if (e.originalCode !== undefined) out.originalCode = e.originalCode;
  if (e.responseCode !== undefined) out.responseCode = e.responseCode;
  if (e.command !== undefined) out.command = e.command;
  if (e.rejected !== undefined) out.rejected = e.rejected;
  return out;
}
