import { EMAILS } from '../domain/effects';

/** Purposes as recorded in `SentEmail.purpose` and used in Message-IDs, by activity name. */
export const EmailPurpose: Readonly<Record<string, string>> = Object.fromEntries(
  EMAILS.map((email) => [email.activity, email.purpose]),
);
