import { ApplicationFailure } from '@temporalio/common';
import type { OrderActivities, ReminderNotice, SentEmail } from '../src/activities';
import type { ReadModelActivities } from '../src/activities/readModel';
import { EMAILS } from '../src/domain/effects';
import type { ProjectionInput } from '../src/readModel/orderRecord';

export interface ActivityCall {
  name: keyof OrderActivities;
  input: { orderId: string; sequence: number; requestedAt?: string; to?: string[]; cc?: string[] };
}

/**
 * Stand-ins for the email activities in workflow tests (the activities have their own tests against a
 * real SMTP server). Every call is recorded; `failing` makes chosen activities fail for good.
 */
export function fakeActivities(
  options: { failing?: Set<keyof OrderActivities>; retrying?: Set<keyof OrderActivities> } = {},
) {
  const calls: ActivityCall[] = [];
  /** What the workflow wrote to the read model, write by write. */
  const projections: ProjectionInput[] = [];
  /** Reminder notices the workflow handed the chat activity. */
  const chatNotices: ReminderNotice[] = [];
  const sent =
    (name: keyof OrderActivities, purpose: string) =>
    (input: ActivityCall['input']): Promise<SentEmail> => {
      calls.push({ name, input });
      if (options.retrying?.has(name))
        return Promise.reject(
          ApplicationFailure.retryable(`${name}: SMTP is down (test)`, 'SmtpUnavailable'),
        );
      if (options.failing?.has(name)) {
        return Promise.reject(
          ApplicationFailure.nonRetryable(`${name} refused by the test`, 'SmtpPermanentFailure'),
        );
      }
      const email: SentEmail = {
        purpose,
        to: input.to ?? ['someone@example.test'],
        cc: input.cc ?? [],
        subject: `${purpose} for ${input.orderId}`,
        sentAt: input.requestedAt ?? '2026-01-01T00:00:00.000Z',
        messageId: `<${input.orderId}.${purpose}.${input.sequence}@test>`,
      };
      return Promise.resolve(email);
    };
  const activities = {
    // One stand-in per email the registry defines, under its activity name and purpose.
    ...Object.fromEntries(
      EMAILS.map((e) => [e.activity, sent(e.activity as keyof OrderActivities, e.purpose)]),
    ),
    notifyChat: (notice: ReminderNotice) => {
      chatNotices.push(notice);
      return Promise.resolve([]);
    },
    // Waits as the real one does before it writes (release 1.1), then records the write.
    projectOrder: async (input: ProjectionInput) => {
      if (input.waitMs) await new Promise((resolve) => setTimeout(resolve, input.waitMs));
      projections.push(input);
    },
  } as unknown as OrderActivities & ReadModelActivities;
  return { activities, calls, projections, chatNotices };
}
