import type { ReceivedMail } from '../../harness/smtp';
import { bookingRequest, documentSet, stallReminder } from './fixtures';
import { mailActivities } from './mailActivities';

let tick = 0;
const mail = mailActivities({
  // A clock that moves between attempts: nothing in the message may depend on it.
  clock: () => new Date(Date.UTC(2030, 0, 1) + ++tick * 3_600_000),
});

function pair(): [ReceivedMail, ReceivedMail] {
  expect(mail.sink.messages).toHaveLength(2);
  return [mail.sink.messages[0], mail.sink.messages[1]];
}

test.each(['sendDocumentCopies', 'dispatchDocuments'] as const)(
  '%s twice: same Message-ID, Date, body and byte-identical PDFs',
  async (name) => {
    const first = await mail.activities[name](documentSet());
    const second = await mail.activities[name](documentSet());
    expect(second).toEqual(first);
    const [a, b] = pair();
    expect(b.parsed.messageId).toBe(a.parsed.messageId);
    expect(b.parsed.date?.getTime()).toBe(a.parsed.date?.getTime());
    expect(b.parsed.text).toBe(a.parsed.text);
    expect(b.parsed.html).toBe(a.parsed.html);
    expect(a.parsed.attachments).toHaveLength(2);
    a.parsed.attachments.forEach((att, i) => {
      const other = b.parsed.attachments[i];
      expect(other?.filename).toBe(att.filename);
      expect(other?.content.equals(att.content)).toBe(true);
    });
    expect(mail.sink.uniqueByMessageId()).toHaveLength(1);
  },
);

test('a reminder retried without requestedAt keeps its Message-ID; the next reminder gets a new one', async () => {
  const input = stallReminder({ requestedAt: undefined });
  const first = await mail.activities.sendStallReminder(input);
  const retry = await mail.activities.sendStallReminder(input);
  expect(retry.messageId).toBe(first.messageId);
  const next = await mail.activities.sendStallReminder({ ...input, sequence: input.sequence + 1 });
  const otherStage = await mail.activities.sendStallReminder({ ...input, stage: 'PRODUCTION' });
  expect(new Set([first.messageId, next.messageId, otherStage.messageId]).size).toBe(3);
});

test('with requestedAt the whole result is identical across attempts', async () => {
  const first = await mail.activities.sendBookingRequest(bookingRequest());
  const second = await mail.activities.sendBookingRequest(bookingRequest());
  expect(second).toEqual(first);
});
