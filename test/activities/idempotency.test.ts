import { createActivities, createMailTransport, type OrderActivities } from '../../src/activities';
import { SmtpSink, type ReceivedMail } from '../../harness/smtp';
import { bookingRequest, documentSet, EXPORTER, MAIL_FROM, stallReminder } from './fixtures';

let sink: SmtpSink;
let transport: ReturnType<typeof createMailTransport>;
let activities: OrderActivities;
let tick = 0;

beforeAll(async () => {
  sink = await SmtpSink.start();
  transport = createMailTransport(sink.url);
  activities = createActivities({
    transport,
    mailFrom: MAIL_FROM,
    exporter: EXPORTER,
    temporalUiUrl: 'http://localhost:8233',
    namespace: 'default',
    // A clock that moves between attempts: nothing in the message may depend on it.
    clock: () => new Date(Date.UTC(2030, 0, 1) + ++tick * 3_600_000),
  });
});

afterAll(async () => {
  transport.close();
  await sink.stop();
});

beforeEach(() => sink.clear());

function pair(): [ReceivedMail, ReceivedMail] {
  expect(sink.messages).toHaveLength(2);
  return [sink.messages[0], sink.messages[1]];
}

test.each(['sendDocumentCopies', 'dispatchDocuments'] as const)(
  '%s twice: same Message-ID, Date, body and byte-identical PDFs',
  async (name) => {
    const first = await activities[name](documentSet());
    const second = await activities[name](documentSet());
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
    expect(sink.uniqueByMessageId()).toHaveLength(1);
  },
);

test('a reminder retried without requestedAt keeps its Message-ID; the next reminder gets a new one', async () => {
  const input = stallReminder({ requestedAt: undefined });
  const first = await activities.sendStallReminder(input);
  const retry = await activities.sendStallReminder(input);
  expect(retry.messageId).toBe(first.messageId);
  const next = await activities.sendStallReminder({ ...input, sequence: input.sequence + 1 });
  const otherStage = await activities.sendStallReminder({ ...input, stage: 'PRODUCTION' });
  expect(new Set([first.messageId, next.messageId, otherStage.messageId]).size).toBe(3);
});

test('with requestedAt the whole result is identical across attempts', async () => {
  const first = await activities.sendBookingRequest(bookingRequest());
  const second = await activities.sendBookingRequest(bookingRequest());
  expect(second).toEqual(first);
});
